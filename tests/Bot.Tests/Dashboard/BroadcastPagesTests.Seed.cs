using CitizenData.Bot.Channels.InProcess;
using CitizenData.Feedback.Participants;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Submissions;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>
/// The residents of the broadcast tests, stored as the conversation would have stored them, on the in-process
/// channel (which the outbox delivers to in the test host).
/// </summary>
public sealed partial class BroadcastPagesTests
{
    /// <summary>
    /// Kibera k01–k26 and Mathare m01–m08. Everyone who agreed raised water (33); k01–k12 health (12); k01–k03
    /// education (3, under k = 10). k23 and k24 said /stop, k25 blocked the bot, k26 never agreed (nothing stored but
    /// the participant). A broadcast to Kibera reaches k01–k22.
    /// </summary>
    private static readonly IReadOnlyList<Resident> Residents =
    [
        .. Enumerable.Range(1, 26).Select(n => new Resident($"k{n:00}", "Kibera", OptedOut: n is 23 or 24, Unreachable: n == 25, Agreed: n != 26)),
        .. Enumerable.Range(1, 8).Select(n => new Resident($"m{n:00}", "Mathare")),
    ];

    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static async Task SeedAsync(IFeedbackStorage storage)
    {
        var minute = 0;
        foreach (var resident in Residents)
        {
            await storage.Participants.SaveAsync(new Participant
            {
                Id = resident.Id,
                Channel = InProcessChannel.Name,
                ChannelUserId = resident.Id,
                ConversationId = "chat-" + resident.Id,
                CampaignCode = "community",
                Language = "en",
                Consent = resident.Agreed ? new ConsentRecord("1", "en", Start) : null,
                QuoteConsent = false,
                Profile = new Dictionary<string, string> { ["location"] = resident.Location },
                OptedOut = resident.OptedOut,
                Unreachable = resident.Unreachable,
                CreatedAt = Start,
            });
            if (!resident.Agreed)
                continue;
            var number = int.Parse(resident.Id[1..], System.Globalization.CultureInfo.InvariantCulture);
            var kibera = resident.Location == "Kibera";
            await SubmitAsync(storage, resident, "water_sanitation", "The borehole is broken and the water is dirty", minute++);
            if (kibera && number <= 12)
                await SubmitAsync(storage, resident, "health", "The clinic has no medicine this month", minute++);
            if (kibera && number <= 3)
                await SubmitAsync(storage, resident, "education", "The school has no teacher for the small ones", minute++);
        }
    }

    private static Task<Submission> SubmitAsync(IFeedbackStorage storage, Resident resident, string theme, string text, int minute) =>
        storage.Submissions.SaveAsync(new Submission
        {
            Id = $"{resident.Id}-{theme}",
            ParticipantId = resident.Id,
            CampaignCode = "community",
            Channel = InProcessChannel.Name,
            Source = SubmissionSource.Resident,
            Language = "en",
            Text = text,
            ReceivedAt = Start.AddMinutes(minute),
            ConsentVersion = "1",
            Theme = theme,
            Confidence = 0.9,
            LabelSource = LabelSource.Model,
            ModelVersion = "model-1",
        });

    private sealed record Resident(string Id, string Location, bool OptedOut = false, bool Unreachable = false, bool Agreed = true)
    {
        /// <summary>Whether a broadcast to Kibera reaches them.</summary>
        public bool Receives => Location == "Kibera" && Agreed && !OptedOut && !Unreachable;
    }
}

using CitizenData.Feedback.Participants;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Submissions;

namespace CitizenData.Bot.Tests.Admin;

/// <summary>Participants and submissions written straight to storage, as the conversation would have stored them.</summary>
internal static class AdminSeed
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static async Task<Participant> ParticipantAsync(IFeedbackStorage storage, string id, string location, string gender = "woman", string campaign = "community") =>
        await storage.Participants.SaveAsync(new Participant
        {
            Id = id,
            Channel = "test",
            ChannelUserId = "user-" + id,
            ConversationId = "chat-" + id,
            CampaignCode = campaign,
            Language = "en",
            Consent = new ConsentRecord("1", "en", Start),
            Profile = new Dictionary<string, string> { ["location"] = location, ["gender"] = gender },
            CreatedAt = Start,
        });

    public static async Task<Submission> SubmissionAsync(
        IFeedbackStorage storage, string id, string participantId, string text, string? theme, double? confidence, int minutes,
        bool needsReview = false, LabelSource label = LabelSource.Model, string campaign = "community") =>
        await storage.Submissions.SaveAsync(new Submission
        {
            Id = id,
            ParticipantId = participantId,
            CampaignCode = campaign,
            Channel = "test",
            Source = SubmissionSource.Resident,
            Language = "en",
            Text = text,
            ReceivedAt = Start.AddMinutes(minutes),
            ConsentVersion = "1",
            Theme = theme,
            Confidence = confidence,
            LabelSource = theme is null ? LabelSource.None : label,
            NeedsReview = needsReview,
            ModelVersion = theme is null ? null : "model-1",
        });
}

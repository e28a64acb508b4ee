using CitizenData.Bot.Conversations;
using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Participants;
using CitizenData.Feedback.Storage;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Broadcasts;

/// <summary>
/// Puts an approved broadcast into the outbox, one batch of participants per transaction. Each batch records every
/// participant it considered and moves the broadcast's cursor in the same transaction as their messages, so a crash
/// at any point resumes after the last committed batch: no gap, and no one queued twice.
/// </summary>
public sealed partial class BroadcastEnqueuer(IFeedbackStorage storage, WorkSignals signals, TimeProvider clock, IOptions<BroadcastOptions> options, ILogger<BroadcastEnqueuer> logger)
{
    /// <summary>Enqueues what is left of the broadcast; returns how many messages this call queued.</summary>
    public async Task<int> RunAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        if (broadcast.Status != BroadcastStatus.Approved)
            return 0;
        var batchSize = Math.Max(1, options.Value.BatchSize);
        var cursor = await storage.Broadcasts.GetCursorAsync(broadcast.Id, cancellationToken);
        var total = 0;
        while (true)
        {
            var page = await storage.Broadcasts.ParticipantsAfterAsync(broadcast.CampaignCode, cursor, batchSize, cancellationToken);
            if (page.Count == 0)
                break;
            var raised = broadcast.Audience.Themes.Count > 0
                ? await storage.Broadcasts.RaisedAnyAsync([.. page.Select(p => p.Id)], broadcast.Audience.Themes, cancellationToken)
                : null;
            var recipients = page
                .Where(p => InAudience(broadcast.Audience, p, raised))
                .Select(p => Recipient(broadcast, p))
                .ToList();
            cursor = page[^1].Id;
            total += await storage.Broadcasts.EnqueueBatchAsync(broadcast.Id, cursor, recipients, cancellationToken);
            signals.Outbox.Notify();
        }

        var current = await storage.Broadcasts.GetAsync(broadcast.Id, cancellationToken);
        if (current is { Status: BroadcastStatus.Approved })
            await storage.Broadcasts.SaveAsync(current with { Status = BroadcastStatus.Enqueued, EnqueuedAt = clock.GetUtcNow() }, cancellationToken);
        LogEnqueued(broadcast.Id, total);
        return total;
    }

    private static bool InAudience(BroadcastAudience audience, Participant participant, IReadOnlySet<string>? raised)
    {
        if (!participant.HasConsented)
            return false;
        if (audience.Channels.Count > 0 && !audience.Channels.Contains(participant.Channel, StringComparer.OrdinalIgnoreCase))
            return false;
        if (audience.Languages.Count > 0 && !audience.Languages.Contains(participant.Language ?? string.Empty, StringComparer.OrdinalIgnoreCase))
            return false;
        if (audience.Locations.Count > 0 && !(participant.Profile.TryGetValue("location", out var location) && audience.Locations.Contains(location, StringComparer.OrdinalIgnoreCase)))
            return false;
        return raised is null || raised.Contains(participant.Id);
    }

    private BroadcastRecipient Recipient(Broadcast broadcast, Participant participant)
    {
        if (participant.OptedOut)
            return new BroadcastRecipient(participant.Id, RecipientOutcome.OptedOut, null);
        if (participant.Unreachable)
            return new BroadcastRecipient(participant.Id, RecipientOutcome.Unreachable, null);

        var language = participant.Language is { } l && broadcast.Previews.ContainsKey(l) ? l : broadcast.Previews.Keys.FirstOrDefault() ?? "en";
        var chartLanguage = broadcast.ChartLanguages.Contains(language) ? language : broadcast.ChartLanguages.Count > 0 ? broadcast.ChartLanguages[0] : null;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = participant.Channel,
            Conversation = new ConversationAccount(participant.ConversationId),
            Recipient = new ChannelAccount(participant.ChannelUserId),
            Locale = language,
            Text = broadcast.Preview(language),
            TextFormat = "markdown",
            Attachments = chartLanguage is null ? null : [new Attachment("image/png", ChartUrl(broadcast.Id, chartLanguage), $"{chartLanguage}.png")],
        };
        return new BroadcastRecipient(
            participant.Id,
            RecipientOutcome.Queued,
            new OutboxEntry(participant.Channel, participant.ConversationId, ActivityJson.Serialize(activity), clock.GetUtcNow(), broadcast.Id));
    }

    private string ChartUrl(string broadcastId, string language) =>
        options.Value.PublicBaseUrl.TrimEnd('/') + BroadcastMediaRoutes.ChartPath(broadcastId, language);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId}: {Count} messages enqueued")]
    private partial void LogEnqueued(string broadcastId, int count);
}

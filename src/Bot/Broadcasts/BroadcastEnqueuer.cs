using CitizenData.Bot.Conversations;
using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Storage;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Broadcasts;

/// <summary>
/// Puts an approved broadcast into the outbox, one batch of participants per transaction. Each batch records every
/// participant it considered and moves the broadcast's cursor in the same transaction as their messages, so a crash
/// at any point resumes after the last committed batch: no gap, and no one queued twice.
/// </summary>
public sealed partial class BroadcastEnqueuer(
    IFeedbackStorage storage,
    BroadcastAudienceSelection audience,
    WorkSignals signals,
    TimeProvider clock,
    IOptions<BroadcastOptions> options,
    ILogger<BroadcastEnqueuer> logger)
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
        while (await audience.NextAsync(broadcast.CampaignCode, broadcast.Audience, cursor, batchSize, cancellationToken) is { } page)
        {
            var recipients = page.Considered.Select(p => Recipient(broadcast, p)).ToList();
            cursor = page.Cursor;
            total += await storage.Broadcasts.EnqueueBatchAsync(broadcast.Id, cursor, recipients, cancellationToken);
            signals.Outbox.Notify();
        }

        var current = await storage.Broadcasts.GetAsync(broadcast.Id, cancellationToken);
        if (current is { Status: BroadcastStatus.Approved })
            await storage.Broadcasts.SaveAsync(current with { Status = BroadcastStatus.Enqueued, EnqueuedAt = clock.GetUtcNow() }, cancellationToken);
        LogEnqueued(broadcast.Id, total);
        return total;
    }

    private BroadcastRecipient Recipient(Broadcast broadcast, ConsideredParticipant considered)
    {
        var (participant, outcome) = (considered.Participant, considered.Outcome);
        if (outcome != RecipientOutcome.Queued)
            return new BroadcastRecipient(participant.Id, outcome, null);

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

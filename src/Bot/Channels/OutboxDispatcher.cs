using CitizenData.Bot.Conversations;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Channels;

/// <summary>
/// Drains the outbox of one channel through its sender: oldest first, one message in flight per conversation so order
/// is kept, marked sent only once the channel confirmed it.
/// </summary>
public sealed partial class OutboxDispatcher(IFeedbackStorage storage, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Sends what is due; returns how many messages were sent, and when the next held-back message is due.</summary>
    public async Task<DrainResult> DrainAsync(IChannelSender sender, int batchSize, CancellationToken cancellationToken)
    {
        var pending = await storage.Outbox.PendingAsync(sender.Channel, batchSize, cancellationToken);
        var now = clock.GetUtcNow();
        // Only the oldest pending message of each conversation may go; a held-back one holds back its successors.
        var heads = pending.GroupBy(item => item.ConversationId).Select(group => group.First()).ToList();
        var due = heads.Where(item => item.NotBefore is null || item.NotBefore <= now).ToList();
        DateTimeOffset? nextDue = heads.Where(item => item.NotBefore > now).Select(item => item.NotBefore).Min();

        var sent = 0;
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, sender.MaxConcurrency), CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                if (await SendOneAsync(sender, item, ct))
                    Interlocked.Increment(ref sent);
            });
        return new DrainResult(sent, pending.Count, nextDue);
    }

    private async Task<bool> SendOneAsync(IChannelSender sender, OutboxItem item, CancellationToken cancellationToken)
    {
        SendOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(item, ActivityJson.Deserialize(item.Payload), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = new SendOutcome.RetryLater(Backoff(item.Attempts), e.Message);
        }

        switch (outcome)
        {
            case SendOutcome.Delivered:
                await storage.Outbox.MarkSentAsync(item.Sequence, clock.GetUtcNow(), cancellationToken);
                return true;
            case SendOutcome.RetryLater retry:
                LogRetry(sender.Channel, item.Sequence, retry.Reason, retry.Delay);
                await storage.Outbox.RescheduleAsync(item.Sequence, clock.GetUtcNow() + retry.Delay, retry.Reason, cancellationToken);
                return false;
            case SendOutcome.Failed failed:
                LogFailed(sender.Channel, item.Sequence, failed.Reason);
                await storage.Outbox.MarkFailedAsync(item.Sequence, failed.Reason, cancellationToken);
                if (failed.RecipientUnreachable)
                    await MarkUnreachableAsync(item, cancellationToken);
                return false;
            default:
                throw new InvalidOperationException($"Unknown send outcome {outcome}.");
        }
    }

    private async Task MarkUnreachableAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var participant = await storage.Participants.FindByConversationAsync(item.Channel, item.ConversationId, cancellationToken);
        if (participant is { Unreachable: false })
        {
            try
            {
                await storage.Participants.SaveAsync(participant with { Unreachable = true }, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Changed meanwhile; the next failed send will mark it.
            }
        }
    }

    /// <summary>Exponential backoff for network and server errors: 1 s, 2 s, 4 s … capped at 5 minutes.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(attempts, 9))));

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} message {Sequence} will be retried in {Delay}: {Reason}")]
    private partial void LogRetry(string channel, long sequence, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} message {Sequence} failed for good: {Reason}")]
    private partial void LogFailed(string channel, long sequence, string reason);
}

public sealed record DrainResult(int Sent, int Pending, DateTimeOffset? NextDue);

namespace CitizenData.Feedback.Storage;

/// <summary>
/// Durable queue of messages to channels. A message is marked sent only after the channel confirmed it, so a restart
/// resends at most the message that was in flight.
/// </summary>
public interface IOutbox
{
    Task EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Messages for a channel that are neither sent nor failed, in order of creation.</summary>
    Task<IReadOnlyList<OutboxItem>> PendingAsync(string channel, int max, CancellationToken cancellationToken = default);

    Task MarkSentAsync(long sequence, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    Task RescheduleAsync(long sequence, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken = default);

    /// <summary>Gives up on a message for good (e.g. the resident blocked the bot).</summary>
    Task MarkFailedAsync(long sequence, string reason, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OutboxItem>> ListByConversationAsync(ConversationKey conversation, CancellationToken cancellationToken = default);
}

/// <param name="GroupKey">Optional: what produced the message (a broadcast id), so progress can be counted.</param>
public sealed record OutboxEntry(string Channel, string ConversationId, string Payload, DateTimeOffset CreatedAt, string? GroupKey = null);

public sealed record OutboxItem(
    long Sequence,
    string Channel,
    string ConversationId,
    string Payload,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NotBefore,
    DateTimeOffset? SentAt,
    DateTimeOffset? FailedAt,
    int Attempts,
    string? LastError,
    string? GroupKey)
{
    public ConversationKey Conversation => new(Channel, ConversationId);
}

namespace CitizenData.Feedback.Storage;

/// <summary>
/// Durable record of what channels delivered. A channel acknowledges an update only after <see cref="TryAddAsync"/>
/// returned; the (channel, update key) pair is unique, so a replayed update is ignored.
/// </summary>
public interface IInbox
{
    /// <summary>Returns false when this (channel, update key) was already received.</summary>
    Task<bool> TryAddAsync(InboxEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Unprocessed entries in order of arrival.</summary>
    Task<IReadOnlyList<InboxItem>> PendingAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Counts a failed attempt to process the item, so poison items can be set aside.</summary>
    Task RecordFailureAsync(long sequence, string reason, CancellationToken cancellationToken = default);

    Task<int> CountPendingAsync(CancellationToken cancellationToken = default);
}

public sealed record InboxEntry(string Channel, string UpdateKey, string ConversationId, string Payload, DateTimeOffset ReceivedAt);

public sealed record InboxItem(long Sequence, string Channel, string UpdateKey, string ConversationId, string Payload, DateTimeOffset ReceivedAt, int Attempts)
{
    public ConversationKey Conversation => new(Channel, ConversationId);
}

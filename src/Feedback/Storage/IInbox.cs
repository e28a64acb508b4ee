namespace CitizenData.Feedback.Storage;

/// <summary>
/// Durable record of what channels delivered. A channel acknowledges an update only after <see cref="TryAddAsync"/>
/// returned; the (channel, update key) pair is unique, so a replayed update is ignored.
/// </summary>
public interface IInbox
{
    /// <summary>Returns false when this (channel, update key) was already received.</summary>
    Task<bool> TryAddAsync(InboxEntry entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds several entries, in order; for each, false when it was already received. Stores that can commit them
    /// together should, so a busy channel pays for one commit per batch rather than one per update.
    /// </summary>
    async Task<IReadOnlyList<bool>> TryAddManyAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var added = new bool[entries.Count];
        for (var i = 0; i < entries.Count; i++)
            added[i] = await TryAddAsync(entries[i], cancellationToken);
        return added;
    }

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

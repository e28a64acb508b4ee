namespace CitizenData.Feedback.Storage;

/// <summary>Per-conversation state, stored as an opaque document with an optimistic-concurrency version.</summary>
public interface IConversationStateStore
{
    Task<StoredState?> LoadAsync(ConversationKey key, CancellationToken cancellationToken = default);

    /// <summary>Saves when the stored version equals <paramref name="expectedVersion"/> (0: none stored). Returns the new version.</summary>
    Task<long> SaveAsync(ConversationKey key, string document, long expectedVersion, CancellationToken cancellationToken = default);
}

public sealed record StoredState(string Document, long Version);

/// <summary>A conversation on a channel: a Telegram chat, a Direct Line conversation.</summary>
public readonly record struct ConversationKey(string Channel, string ConversationId)
{
    public override string ToString() => $"{Channel}:{ConversationId}";
}

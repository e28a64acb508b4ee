namespace CitizenData.Feedback.Storage;

/// <summary>
/// Durable state of the Direct Line channel: conversations, and per conversation an append-only log of the activities
/// clients read from a watermark (the sequence of the last activity they saw). Everything is document-shaped, so a
/// document database implements it with one collection per record type.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>Returns false when a conversation with this id already exists (it is left as it was).</summary>
    Task<bool> CreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken = default);

    Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends an activity to the conversation's log and returns its sequence. <paramref name="sourceKey"/> is unique per
    /// conversation: appending the same key again appends nothing and returns the first sequence, so a resend after a
    /// crash is not delivered twice. The document is stored as given; <paramref name="inbox"/>, when given, builds the
    /// inbox entry (from the assigned sequence) that is committed in the same transaction.
    /// </summary>
    Task<DirectLineAppend> AppendAsync(
        string conversationId,
        string sourceKey,
        Func<long, string> document,
        DateTimeOffset createdAt,
        Func<long, InboxEntry>? inbox = null,
        CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> log entries after <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<DirectLineLogEntry>> ReadAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes log entries whose source key starts with <paramref name="sourceKeyPrefix"/> and that are older than
    /// <paramref name="createdBefore"/> (retention of what residents typed). Sequences are not reused, so watermarks
    /// stay valid. Returns how many were deleted.
    /// </summary>
    Task<int> DeleteActivitiesAsync(string sourceKeyPrefix, DateTimeOffset createdBefore, CancellationToken cancellationToken = default);

    /// <summary>The stored value of a channel setting (a generated key), creating it with <paramref name="create"/> when absent.</summary>
    Task<string> GetOrCreateSettingAsync(string name, Func<string> create, CancellationToken cancellationToken = default);
}

/// <param name="Document">What the channel keeps about the conversation (its locale, campaign), as JSON.</param>
public sealed record DirectLineConversation(string ConversationId, string UserId, DateTimeOffset CreatedAt, string Document, long LastSequence = 0);

/// <param name="Appended">False when the source key was already in the log.</param>
/// <param name="InboxAdded">False when there was no inbox entry, or the inbox already had it.</param>
public sealed record DirectLineAppend(long Sequence, bool Appended, bool InboxAdded);

public sealed record DirectLineLogEntry(string ConversationId, long Sequence, string SourceKey, DateTimeOffset CreatedAt, string Document);

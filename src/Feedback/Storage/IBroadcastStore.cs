using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Participants;

namespace CitizenData.Feedback.Storage;

public interface IBroadcastStore
{
    Task<Broadcast?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Broadcast>> ListByStatusAsync(BroadcastStatus status, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Broadcast>> ListByCampaignAsync(string campaignCode, CancellationToken cancellationToken = default);

    /// <summary>Optimistic save: version 0 creates; otherwise the stored version must match.</summary>
    Task<Broadcast> SaveAsync(Broadcast broadcast, CancellationToken cancellationToken = default);

    Task SaveMediaAsync(string broadcastId, string name, BroadcastMedia media, CancellationToken cancellationToken = default);

    Task<BroadcastMedia?> GetMediaAsync(string broadcastId, string name, CancellationToken cancellationToken = default);

    /// <summary>The participant id the enqueuer got to (null: not started).</summary>
    Task<string?> GetCursorAsync(string broadcastId, CancellationToken cancellationToken = default);

    /// <summary>The campaign's participants with ids after <paramref name="afterId"/>, in id order.</summary>
    Task<IReadOnlyList<Participant>> ParticipantsAfterAsync(string campaignCode, string? afterId, int max, CancellationToken cancellationToken = default);

    /// <summary>Of these participants, those who raised one of the themes.</summary>
    Task<IReadOnlySet<string>> RaisedAnyAsync(IReadOnlyList<string> participantIds, IReadOnlyList<string> themes, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: records each recipient not yet recorded for the broadcast and enqueues their message, and
    /// moves the cursor to <paramref name="cursor"/>. A recipient already recorded is skipped, so running a batch again
    /// after a crash queues nobody twice. Returns how many messages were enqueued.
    /// </summary>
    Task<int> EnqueueBatchAsync(string broadcastId, string cursor, IReadOnlyList<BroadcastRecipient> recipients, CancellationToken cancellationToken = default);

    Task<BroadcastCounts> CountAsync(string broadcastId, CancellationToken cancellationToken = default);

    /// <summary>The broadcasts a participant was sent (queued or delivered), newest first.</summary>
    Task<IReadOnlyList<string>> ReceivedByAsync(string participantId, CancellationToken cancellationToken = default);
}

using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Channels;

/// <summary>
/// Group commit for channels that receive many updates at once (a webhook under load): updates that arrive while a
/// commit is running wait and go together in the next one. Each caller still gets its answer only once its own update
/// is committed, so acknowledging after <see cref="AddAsync"/> keeps "nothing acknowledged is lost". Alone, an update
/// is committed at once.
/// </summary>
public sealed partial class InboxBatcher(IInbox inbox, ILogger<InboxBatcher> logger)
{
    /// <summary>Enough to absorb Telegram's 100 webhook connections; small enough to keep one commit short.</summary>
    private const int MaxBatch = 256;

    private readonly object gate = new();
    private readonly List<Pending> queue = [];
    private bool committing;

    /// <summary>Commits the entries (in order, possibly with others); for each, false when it was a replay.</summary>
    public async Task<IReadOnlyList<bool>> AddAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var pending = entries.Select(entry => new Pending(entry)).ToList();
        bool lead;
        lock (gate)
        {
            queue.AddRange(pending);
            lead = !committing;
            committing = true;
        }
        if (lead)
        {
            // The commit loop runs apart from this request, so a request is never kept committing other people's updates.
            _ = Task.Run(CommitQueuedAsync, CancellationToken.None);
        }
        // A caller that gives up (the connection dropped) stops waiting; its update may still be committed, and a
        // redelivery is then ignored as a replay.
        return await Task.WhenAll(pending.Select(p => p.Added.Task)).WaitAsync(cancellationToken);
    }

    public async Task<bool> AddAsync(InboxEntry entry, CancellationToken cancellationToken) =>
        (await AddAsync([entry], cancellationToken))[0];

    private async Task CommitQueuedAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (gate)
            {
                if (queue.Count == 0)
                {
                    committing = false;
                    return;
                }
                batch = queue.GetRange(0, Math.Min(MaxBatch, queue.Count));
                queue.RemoveRange(0, batch.Count);
            }
            try
            {
                // Not cancellable: once started, a commit finishes and its callers learn the outcome.
                var added = await inbox.TryAddManyAsync([.. batch.Select(p => p.Entry)], CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                    batch[i].Added.TrySetResult(added[i]);
            }
            catch (Exception e)
            {
                LogFailed(e, batch.Count);
                foreach (var pending in batch)
                    pending.Added.TrySetException(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing {Count} updates to the inbox failed; their senders get an error and redeliver.")]
    private partial void LogFailed(Exception exception, int count);

    private sealed class Pending(InboxEntry entry)
    {
        public InboxEntry Entry { get; } = entry;
        public TaskCompletionSource<bool> Added { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

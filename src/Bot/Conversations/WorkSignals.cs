namespace CitizenData.Bot.Conversations;

/// <summary>Wakes the background workers as soon as there is work, instead of waiting for their next poll.</summary>
public sealed class WorkSignals
{
    public WorkSignal Inbox { get; } = new();
    public WorkSignal Outbox { get; } = new();
}

/// <summary>
/// A wake-up call for every waiter. A signal that comes while nobody waits is remembered once, so work that arrived
/// between a worker's check and its wait is not missed; at worst a waiter sleeps until its poll timeout.
/// </summary>
public sealed class WorkSignal
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int pending;

    public void Notify()
    {
        Volatile.Write(ref pending, 1);
        Interlocked.Exchange(ref next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var signalled = Volatile.Read(ref next).Task;
        if (Interlocked.Exchange(ref pending, 0) == 1)
            return;
        try
        {
            await signalled.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Poll anyway.
        }
    }
}

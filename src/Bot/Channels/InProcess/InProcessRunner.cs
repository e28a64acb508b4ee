using CitizenData.Bot.Conversations;

namespace CitizenData.Bot.Channels.InProcess;

/// <summary>
/// Runs the data path to completion, step by step and without background timing: every pending turn, then every
/// queued reply to the in-process channel. The demo and the transcript tests use it instead of the workers.
/// </summary>
public sealed class InProcessRunner(TurnProcessor processor, OutboxDispatcher dispatcher, InProcessChannel channel)
{
    /// <summary>More passes than this means a turn or a message never completes: a bug, reported rather than looped on.</summary>
    private const int MaxPasses = 20;

    public async Task RunPendingAsync(CancellationToken cancellationToken = default)
    {
        for (var pass = 0; await processor.ProcessPendingAsync(256, cancellationToken) > 0; pass++)
            if (pass >= MaxPasses)
                throw new InvalidOperationException("The inbox does not drain: a turn keeps failing.");
        for (var pass = 0; (await dispatcher.DrainAsync(channel, 256, cancellationToken)).Sent > 0; pass++)
            if (pass >= MaxPasses)
                throw new InvalidOperationException("The outbox does not drain.");
    }
}

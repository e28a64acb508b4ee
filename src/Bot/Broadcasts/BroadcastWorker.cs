using CitizenData.Bot.Workers;
using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Broadcasts;

/// <summary>Enqueues approved broadcasts, resuming any that a crash or restart interrupted.</summary>
public sealed partial class BroadcastWorker(IFeedbackStorage storage, BroadcastEnqueuer enqueuer, BroadcastSignal signal, ILogger<BroadcastWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        WorkLoop.RunAsync(RoundAsync, LogFailure, stoppingToken);

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        foreach (var broadcast in await storage.Broadcasts.ListByStatusAsync(BroadcastStatus.Approved, stoppingToken))
            await enqueuer.RunAsync(broadcast, stoppingToken);
        await signal.WaitAsync(Poll, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Enqueuing broadcasts failed; retrying with backoff.")]
    private partial void LogFailure(Exception exception);
}

/// <summary>Wakes the broadcast worker when a broadcast is approved.</summary>
public sealed class BroadcastSignal
{
    private readonly Conversations.WorkSignal signal = new();

    public void Notify() => signal.Notify();

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}

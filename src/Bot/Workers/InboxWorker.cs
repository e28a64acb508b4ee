using CitizenData.Bot.Conversations;

namespace CitizenData.Bot.Workers;

/// <summary>Runs conversation turns for whatever the channels committed to the inbox.</summary>
public sealed partial class InboxWorker(TurnProcessor processor, WorkSignals signals, ILogger<InboxWorker> logger) : BackgroundService
{
    private const int BatchSize = 256;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        WorkLoop.RunAsync(RoundAsync, LogFailure, stoppingToken);

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        if (await processor.ProcessPendingAsync(BatchSize, stoppingToken) == 0)
            await signals.Inbox.WaitAsync(IdlePoll, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing the inbox failed; retrying with backoff.")]
    private partial void LogFailure(Exception exception);
}

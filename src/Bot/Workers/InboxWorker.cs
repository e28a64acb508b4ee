using CitizenData.Bot.Conversations;

namespace CitizenData.Bot.Workers;

/// <summary>Runs conversation turns for whatever the channels committed to the inbox.</summary>
public sealed partial class InboxWorker(TurnProcessor processor, WorkSignals signals, ILogger<InboxWorker> logger) : BackgroundService
{
    private const int BatchSize = 256;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var processed = await processor.ProcessPendingAsync(BatchSize, stoppingToken);
                failures = 0;
                if (processed == 0)
                    await signals.Inbox.WaitAsync(IdlePoll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (failures++ == 0)
                    LogFailure(e);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, failures)), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing the inbox failed; retrying with backoff.")]
    private partial void LogFailure(Exception exception);
}

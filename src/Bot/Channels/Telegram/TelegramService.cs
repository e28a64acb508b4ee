using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// Brings the bot up (retrying until Telegram answers) and, in polling mode, pulls updates: long-polled getUpdates,
/// each update committed through the shared handler, and only then confirmed by asking for the next offset. A crash
/// before that confirmation makes Telegram send the updates again, which the inbox ignores.
/// </summary>
public sealed partial class TelegramService(
    TelegramBotSetup setup,
    ITelegramBotClient client,
    TelegramUpdateHandler handler,
    IOptions<TelegramOptions> options,
    ILogger<TelegramService> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RetryAsync(setup.RunAsync, "setting up the bot", stoppingToken);
            if (options.Value.Mode == TelegramMode.Polling)
                await PollAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        int? offset = null;
        var timeout = Math.Clamp(options.Value.PollingTimeoutSeconds, 0, 50);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await client.GetUpdates(offset, BatchSize, timeout, TelegramBotSetup.AllowedUpdates, stoppingToken);
                if (updates.Length > 0)
                {
                    await handler.HandleAsync(updates, stoppingToken);
                    // Confirmed to Telegram by the next getUpdates, so only what is committed is ever confirmed.
                    offset = updates[^1].Id + 1;
                }
                failures = 0;
            }
            catch (Exception e) when (IsTransient(e, stoppingToken))
            {
                if (failures++ == 0)
                    LogPollingFailed(e);
                await Task.Delay(Backoff(failures), stoppingToken);
            }
        }
    }

    private async Task RetryAsync(Func<CancellationToken, Task> work, string what, CancellationToken stoppingToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await work(stoppingToken);
                return;
            }
            catch (Exception e) when (IsTransient(e, stoppingToken))
            {
                if (failures == 1)
                    LogSetupFailed(e, what);
                await Task.Delay(Backoff(failures), stoppingToken);
            }
        }
    }

    /// <summary>Telegram away, a timeout, storage busy: anything but stopping is worth another try.</summary>
    private static bool IsTransient(Exception e, CancellationToken stoppingToken) =>
        !stoppingToken.IsCancellationRequested && e is not OutOfMemoryException;

    private static TimeSpan Backoff(int failures) => TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 5)) / 2));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram getUpdates failed; retrying with backoff.")]
    private partial void LogPollingFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram: {What} failed; retrying with backoff.")]
    private partial void LogSetupFailed(Exception exception, string what);
}

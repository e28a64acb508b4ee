using CitizenData.Bot.Channels;
using CitizenData.Bot.Conversations;

namespace CitizenData.Bot.Workers;

/// <summary>One sender loop per channel, so a slow or rate-limited channel never holds up another.</summary>
public sealed partial class OutboxWorker(IEnumerable<IChannelSender> senders, OutboxDispatcher dispatcher, WorkSignals signals, TimeProvider clock, ILogger<OutboxWorker> logger) : BackgroundService
{
    private const int BatchSize = 256;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(senders.Select(sender => Task.Run(() => DrainForeverAsync(sender, stoppingToken), stoppingToken)));

    private async Task DrainForeverAsync(IChannelSender sender, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await dispatcher.DrainAsync(sender, BatchSize, stoppingToken);
                failures = 0;
                if (result.Sent == 0)
                {
                    var untilDue = result.NextDue is { } due ? due - clock.GetUtcNow() : IdlePoll;
                    await signals.Outbox.WaitAsync(untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue > IdlePoll ? IdlePoll : untilDue, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (failures++ == 0)
                    LogFailure(e, sender.Channel);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, failures)), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the {Channel} outbox failed; retrying with backoff.")]
    private partial void LogFailure(Exception exception, string channel);
}

using CitizenData.Bot.Channels;
using CitizenData.Bot.Conversations;

namespace CitizenData.Bot.Workers;

/// <summary>One sender loop per channel, so a slow or rate-limited channel never holds up another.</summary>
public sealed partial class OutboxWorker(IEnumerable<IChannelSender> senders, OutboxDispatcher dispatcher, WorkSignals signals, TimeProvider clock, ILogger<OutboxWorker> logger) : BackgroundService
{
    private const int BatchSize = 256;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(senders.Select(sender => Task.Run(
            () => WorkLoop.RunAsync(ct => DrainRoundAsync(sender, ct), e => LogFailure(e, sender.Channel), stoppingToken),
            stoppingToken)));

    private async Task DrainRoundAsync(IChannelSender sender, CancellationToken stoppingToken)
    {
        var result = await dispatcher.DrainAsync(sender, BatchSize, stoppingToken);
        if (result.Sent > 0)
            return;
        // Sleep until the next held-back message is due, a new one is signalled, or the idle poll comes round.
        var untilDue = result.NextDue is { } due ? due - clock.GetUtcNow() : IdlePoll;
        await signals.Outbox.WaitAsync(untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue > IdlePoll ? IdlePoll : untilDue, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the {Channel} outbox failed; retrying with backoff.")]
    private partial void LogFailure(Exception exception, string channel);
}

namespace CitizenData.Bot.Channels.Telegram;

/// <summary>Says once, at start, that Telegram is off and why: a missing token should not look like a silent bot.</summary>
public sealed partial class TelegramOffNotice(ILogger<TelegramOffNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogOff();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram channel is off: no Telegram:BotToken is configured.")]
    private partial void LogOff();
}

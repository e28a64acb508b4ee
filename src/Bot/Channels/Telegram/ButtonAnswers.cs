using System.Threading.Channels;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// Answers button presses (answerCallbackQuery stops the spinner) and takes the keyboard off the pressed message, so an
/// old button cannot be pressed again. Off the update path: acknowledging an update never waits for Telegram. Lost on
/// a crash, which costs only a spinner that Telegram stops by itself.
/// </summary>
public sealed partial class ButtonAnswers(ITelegramBotClient client, ILogger<ButtonAnswers> logger) : BackgroundService
{
    private readonly Channel<ButtonPress> pending = System.Threading.Channels.Channel.CreateBounded<ButtonPress>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(ButtonPress press) => pending.Writer.TryWrite(press);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var press in pending.Reader.ReadAllAsync(stoppingToken))
                await AnswerAsync(press, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task AnswerAsync(ButtonPress press, CancellationToken cancellationToken)
    {
        try
        {
            await client.AnswerCallbackQuery(press.CallbackQueryId, cancellationToken: cancellationToken);
            if (press.MessageId is { } messageId && long.TryParse(press.ChatId, out var chatId))
                await client.EditMessageReplyMarkup(chatId, messageId, replyMarkup: null, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Too old, already answered, or Telegram is away: the spinner stops by itself.
            LogFailed(press.CallbackQueryId, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answering button press {CallbackQueryId} failed: {Reason}")]
    private partial void LogFailed(string callbackQueryId, string reason);
}

using CitizenData.Bot.Conversations.Flows;
using CitizenData.Bot.Conversations.Localisation;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// What the bot tells Telegram at start: who it is (getMe), its commands in every language it speaks (setMyCommands),
/// and where updates go (setWebhook with the secret, or deleteWebhook so getUpdates works).
/// </summary>
public sealed partial class TelegramBotSetup(
    ITelegramBotClient client,
    BotTexts texts,
    WebhookSecret secret,
    IOptions<TelegramOptions> options,
    ILogger<TelegramBotSetup> logger)
{
    /// <summary>The kinds of update the bot asks for; anything else Telegram keeps to itself.</summary>
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var me = await client.GetMe(cancellationToken);
        LogConnected(me.Username ?? me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), options.Value.Mode);

        // No language code: the list for everyone whose language the bot does not speak.
        await client.SetMyCommands(Commands(texts.DefaultLanguage), cancellationToken: cancellationToken);
        foreach (var language in texts.Languages)
            await client.SetMyCommands(Commands(language), languageCode: language, cancellationToken: cancellationToken);

        if (options.Value.Mode == TelegramMode.Webhook)
        {
            await client.SetWebhook(
                options.Value.WebhookUrl!,
                allowedUpdates: AllowedUpdates,
                secretToken: secret.Value,
                cancellationToken: cancellationToken);
        }
        else
        {
            // getUpdates answers 409 while a webhook is set. Pending updates are kept: they are still ours to commit.
            await client.DeleteWebhook(dropPendingUpdates: false, cancellationToken);
        }
    }

    private List<BotCommand> Commands(string language) =>
        [.. Command.Known.Select(name => new BotCommand(name, texts.Get(language, "command." + name)))];

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram bot @{Username} connected in {Mode} mode.")]
    private partial void LogConnected(string username, TelegramMode mode);
}

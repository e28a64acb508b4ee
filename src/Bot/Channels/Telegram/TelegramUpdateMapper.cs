using System.Globalization;
using CitizenData.Bot.Conversations;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Activity = CitizenData.Bot.Conversations.Activity;

namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// Telegram updates as our activities. Pure and static: it decides nothing, stores nothing and calls nothing, so it is
/// tested against recorded update files.
/// </summary>
public static class TelegramUpdateMapper
{
    public const string ChannelId = "telegram";

    /// <summary>The activity for an update, or null for an update the bot has no use for (service messages, polls…).</summary>
    public static TelegramIncoming? Map(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var key = update.Id.ToString(CultureInfo.InvariantCulture);
        return update switch
        {
            { Message: { } message } => FromMessage(key, message, ActivityTypes.Message),
            { EditedMessage: { } edited } => FromMessage(key, edited, ActivityTypes.MessageUpdate),
            { CallbackQuery: { } query } => FromButton(key, query),
            { MyChatMember: { } member } => FromMembership(key, member),
            _ => null,
        };
    }

    private static TelegramIncoming? FromMessage(string key, Message message, string type)
    {
        if (message.From is not { IsBot: false } from)
            return null;
        var text = message.Text ?? message.Caption;
        var attachment = Attachment(message);
        if (text is null && attachment is null)
            return null; // a service message: someone joined, a title changed, a message was pinned
        if (type == ActivityTypes.MessageUpdate && text is null)
            return null; // an edited caption-less media message: there is no text to update
        return new TelegramIncoming(key, new Activity
        {
            Type = type,
            Id = message.Id.ToString(CultureInfo.InvariantCulture),
            Timestamp = Utc(message.EditDate ?? message.Date),
            ChannelId = ChannelId,
            From = new ChannelAccount(Id(from.Id), Role: "user"),
            Conversation = Conversation(message.Chat),
            Locale = from.LanguageCode,
            Text = text,
            Attachments = attachment is null ? null : [attachment],
        });
    }

    /// <summary>A button press is the resident "saying" the button's key.</summary>
    private static TelegramIncoming FromButton(string key, CallbackQuery query)
    {
        // A message too old to be shown has no chat; a private chat's id is the user's id.
        var conversation = query.Message is { Chat: { Id: not 0 } chat } ? Conversation(chat) : new ConversationAccount(Id(query.From.Id), false);
        var activity = query.Data is { Length: > 0 } data
            ? new Activity
            {
                Type = ActivityTypes.Message,
                Id = "callback:" + query.Id,
                ChannelId = ChannelId,
                From = new ChannelAccount(Id(query.From.Id), Role: "user"),
                Conversation = conversation,
                Locale = query.From.LanguageCode,
                Text = data,
            }
            : null;
        var pressedOn = query.Message is { Id: not 0 } message ? message.Id : (int?)null;
        return new TelegramIncoming(key, activity, new ButtonPress(query.Id, conversation.Id, pressedOn));
    }

    /// <summary>In a private chat, "kicked" means the resident blocked the bot, and "member" that they unblocked it.</summary>
    private static TelegramIncoming? FromMembership(string key, ChatMemberUpdated update)
    {
        if (update.Chat.Type != ChatType.Private)
            return null; // the bot added to or removed from a group: not a resident's reachability
        var action = update.NewChatMember.Status switch
        {
            ChatMemberStatus.Kicked or ChatMemberStatus.Left => "remove",
            ChatMemberStatus.Member or ChatMemberStatus.Administrator or ChatMemberStatus.Creator => "add",
            _ => null,
        };
        if (action is null)
            return null;
        return new TelegramIncoming(key, new Activity
        {
            Type = ActivityTypes.ContactRelationUpdate,
            Id = "member:" + key,
            Timestamp = Utc(update.Date),
            ChannelId = ChannelId,
            From = new ChannelAccount(Id(update.From.Id), Role: "user"),
            Conversation = Conversation(update.Chat),
            Locale = update.From.LanguageCode,
            Action = action,
        });
    }

    /// <summary>What a phone sends besides text, named so the conversation can say it reads only text for now.</summary>
    private static Attachment? Attachment(Message message) => message.Type switch
    {
        MessageType.Photo => new("image/jpeg"),
        MessageType.Voice => new(message.Voice?.MimeType ?? "audio/ogg"),
        MessageType.Audio => new(message.Audio?.MimeType ?? "audio/mpeg"),
        MessageType.Video => new(message.Video?.MimeType ?? "video/mp4"),
        MessageType.VideoNote or MessageType.Animation => new("video/mp4"),
        MessageType.Sticker => new("application/vnd.telegram.sticker"),
        MessageType.Location or MessageType.Venue => new("application/vnd.telegram.location"),
        MessageType.Contact => new("text/vcard"),
        MessageType.Document => new(message.Document?.MimeType ?? "application/octet-stream", Name: message.Document?.FileName),
        MessageType.Poll => new("application/vnd.telegram.poll"),
        MessageType.Dice => new("application/vnd.telegram.dice"),
        MessageType.Story or MessageType.PaidMedia or MessageType.Game or MessageType.LivePhoto or MessageType.Checklist
            => new("application/vnd.telegram." + message.Type.ToString().ToLowerInvariant()),
        _ => null,
    };

    private static ConversationAccount Conversation(Chat chat) => new(Id(chat.Id), chat.Type != ChatType.Private);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset? Utc(DateTime time) =>
        time == default ? null : new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}

/// <summary>What one update means to us: the activity to commit (if any) and the button press to acknowledge (if any).</summary>
/// <param name="UpdateKey">The update_id: the inbox's key that makes a replayed update change nothing.</param>
public sealed record TelegramIncoming(string UpdateKey, Activity? Activity, ButtonPress? Button = null);

/// <summary>A callback query that must be answered (or the resident's button keeps spinning).</summary>
/// <param name="MessageId">The message that carried the button, whose keyboard is then taken away.</param>
public sealed record ButtonPress(string CallbackQueryId, string ChatId, int? MessageId);

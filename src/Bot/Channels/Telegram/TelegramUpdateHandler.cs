using CitizenData.Bot.Conversations;
using CitizenData.Feedback.Storage;
using Telegram.Bot.Types;

namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// The one way an update comes in, for polling and webhook alike: map it, commit it to the inbox, wake the inbox
/// worker. The caller acknowledges the update to Telegram only after this returned, so nothing acknowledged is lost.
/// </summary>
public sealed partial class TelegramUpdateHandler(IInbox inbox, WorkSignals signals, ButtonAnswers buttons, TimeProvider clock, ILogger<TelegramUpdateHandler> logger)
{
    /// <summary>Commits the update; returns false when there was nothing new to commit (a replay, or nothing we use).</summary>
    public async Task<bool> HandleAsync(Update update, CancellationToken cancellationToken)
    {
        var incoming = TelegramUpdateMapper.Map(update);
        if (incoming is null)
        {
            LogIgnored(update.Id, update.Type);
            return false;
        }

        var added = false;
        if (incoming.Activity is { Conversation: { } conversation } activity)
        {
            added = await inbox.TryAddAsync(
                new InboxEntry(TelegramUpdateMapper.ChannelId, incoming.UpdateKey, conversation.Id, ActivityJson.Serialize(activity), clock.GetUtcNow()),
                cancellationToken);
            if (added)
                signals.Inbox.Notify();
        }
        // Answered even for a replay: an unanswered button keeps spinning on the resident's phone.
        if (incoming.Button is { } press)
            buttons.Enqueue(press);
        return added;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update {UpdateId} ({Type}) has nothing for the bot; acknowledged and dropped.")]
    private partial void LogIgnored(int updateId, global::Telegram.Bot.Types.Enums.UpdateType type);
}

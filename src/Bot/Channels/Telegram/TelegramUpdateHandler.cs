using CitizenData.Bot.Conversations;
using CitizenData.Feedback.Storage;
using Telegram.Bot.Types;

namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// The one way updates come in, for polling and webhook alike: map them, commit them to the inbox (together with
/// whatever else is arriving), wake the inbox worker. The caller acknowledges the updates to Telegram only after this
/// returned, so nothing acknowledged is lost.
/// </summary>
public sealed partial class TelegramUpdateHandler(InboxBatcher inbox, WorkSignals signals, ButtonAnswers buttons, TimeProvider clock, ILogger<TelegramUpdateHandler> logger)
{
    /// <summary>Commits the update; returns false when there was nothing new to commit (a replay, or nothing we use).</summary>
    public async Task<bool> HandleAsync(Update update, CancellationToken cancellationToken) =>
        await HandleAsync([update], cancellationToken) > 0;

    /// <summary>Commits the updates in order; returns how many were new.</summary>
    public async Task<int> HandleAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var entries = new List<InboxEntry>(updates.Count);
        var presses = new List<ButtonPress>();
        foreach (var update in updates)
        {
            var incoming = TelegramUpdateMapper.Map(update);
            if (incoming is null)
            {
                LogIgnored(update.Id, update.Type);
                continue;
            }
            if (incoming.Activity is { Conversation: { } conversation } activity)
                entries.Add(new InboxEntry(TelegramUpdateMapper.ChannelId, incoming.UpdateKey, conversation.Id, ActivityJson.Serialize(activity), clock.GetUtcNow()));
            if (incoming.Button is { } press)
                presses.Add(press);
        }

        var added = entries.Count == 0 ? 0 : (await inbox.AddAsync(entries, cancellationToken)).Count(isNew => isNew);
        if (added > 0)
            signals.Inbox.Notify();
        // Answered even for a replay: an unanswered button keeps spinning on the resident's phone.
        foreach (var press in presses)
            buttons.Enqueue(press);
        return added;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update {UpdateId} ({Type}) has nothing for the bot; acknowledged and dropped.")]
    private partial void LogIgnored(int updateId, global::Telegram.Bot.Types.Enums.UpdateType type);
}

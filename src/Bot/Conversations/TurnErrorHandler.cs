using System.Text.Json;
using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Conversations;

/// <summary>
/// What a turn that keeps failing ends with, as Bot Builder's adapter error handler does: an apology in the resident's
/// language and a conversation state reset to a step that cannot be broken, so the next message works.
/// </summary>
public sealed class TurnErrorHandler(IFeedbackStorage storage, BotTexts texts)
{
    public async Task<TurnCommit> RecoverAsync(InboxItem item, CancellationToken cancellationToken)
    {
        var stored = await storage.ConversationStates.LoadAsync(item.Conversation, cancellationToken);
        var language = TryReadLanguage(stored) ?? texts.DefaultLanguage;
        var reset = new ConversationState { Language = language };
        var apology = new Activity
        {
            ChannelId = item.Channel,
            Conversation = new ConversationAccount(item.ConversationId),
            Locale = language,
            Text = texts.Get(language, "error.turn") + "\n" + texts.Get(language, "help"),
            TextFormat = "markdown",
        };
        var commit = new TurnCommit
        {
            Conversation = item.Conversation,
            InboxSequence = item.Sequence,
            StateDocument = JsonSerializer.Serialize(reset, StorageJson.Options),
            ExpectedStateVersion = stored?.Version ?? 0,
        };
        commit.Outgoing.Add(new OutboxEntry(item.Channel, item.ConversationId, ActivityJson.Serialize(apology), DateTimeOffset.UtcNow));
        return commit;
    }

    private static string? TryReadLanguage(StoredState? stored)
    {
        if (stored is null)
            return null;
        try
        {
            return JsonSerializer.Deserialize<ConversationState>(stored.Document, StorageJson.Options)?.Language;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

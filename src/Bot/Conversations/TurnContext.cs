using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Participants;
using CitizenData.Feedback.Submissions;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Conversations;

/// <summary>
/// One incoming activity and everything the turn decides. Nothing is written while the turn runs: replies and changes
/// collect in <see cref="Commit"/>, which the processor writes in one transaction at the end.
/// </summary>
public sealed class TurnContext(Activity activity, ConversationKey conversation, ConversationState state, Participant? participant, BotTexts texts, DateTimeOffset now)
{
    private readonly List<Activity> replies = [];
    private readonly Dictionary<string, Submission> submissionWrites = [];

    public Activity Activity { get; } = activity;
    public ConversationKey Conversation { get; } = conversation;
    public ConversationState State { get; set; } = state;
    public Participant? Participant { get; set; } = participant;
    public BotTexts Texts { get; } = texts;
    public DateTimeOffset Now { get; } = now;
    /// <summary>Set when the turn erased the participant: their state is gone and must not be written back.</summary>
    public bool Erased { get; set; }
    public IReadOnlyList<Activity> Replies => replies;
    /// <summary>The campaign the conversation is in, once the handler has loaded it.</summary>
    public Campaign? Campaign { get; set; }
    public bool ParticipantChanged { get; private set; }
    public IReadOnlyCollection<Submission> SubmissionWrites => submissionWrites.Values;

    /// <summary>Records the participant as it should be stored at the end of the turn.</summary>
    public void SaveParticipant(Participant updated)
    {
        Participant = updated;
        ParticipantChanged = true;
    }

    /// <summary>Records a submission (new or changed) to store at the end of the turn.</summary>
    public void SaveSubmission(Submission submission) => submissionWrites[submission.Id] = submission;

    /// <summary>The conversation's language; before one is chosen, the channel's locale if we speak it.</summary>
    public string Language => State.Language ?? Participant?.Language ?? Texts.MatchLocale(Activity.Locale) ?? Texts.DefaultLanguage;

    /// <summary>The resident's text, trimmed; empty for a message without text.</summary>
    public string Text => Activity.Text?.Trim() ?? string.Empty;

    public string Say(string key, params object[] args) => Texts.Get(Language, key, args);

    /// <summary>
    /// Queues a reply. Its choices become buttons and replace the pending ones, so the last prompt's buttons are the ones
    /// recognised next turn.
    /// </summary>
    public void Reply(string text, IReadOnlyList<Choice>? choices = null, IReadOnlyList<Attachment>? attachments = null)
    {
        replies.Add(new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = Conversation.Channel,
            Conversation = new ConversationAccount(Conversation.ConversationId),
            Recipient = Activity.From,
            ReplyToId = Activity.Id,
            Locale = Language,
            Text = text,
            TextFormat = "markdown",
            SuggestedActions = choices is { Count: > 0 }
                ? new SuggestedActions([.. choices.Select(c => new CardAction("imBack", c.Label, c.Label))])
                : null,
            Attachments = attachments,
            ChannelData = ChoiceKeys.ToChannelData(choices),
        });
        State = State with { PendingChoices = choices ?? [] };
    }

    /// <summary>The pending choice the resident's text names, if any.</summary>
    public Choice? PressedChoice() => State.PendingChoices.FirstOrDefault(c => c.Matches(Text));
}

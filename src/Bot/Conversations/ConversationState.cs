namespace CitizenData.Bot.Conversations;

/// <summary>Where one conversation stands. Saved once per turn, with an optimistic-concurrency version.</summary>
public sealed record ConversationState
{
    public FlowStep Step { get; init; } = FlowStep.New;
    public string? CampaignCode { get; init; }
    public string? Language { get; init; }
    /// <summary>Index of the profile question being asked.</summary>
    public int ProfileIndex { get; init; }
    /// <summary>The submission being confirmed or corrected.</summary>
    public string? SubmissionId { get; init; }
    /// <summary>Where to go back to after choosing a language or answering the /forget confirmation.</summary>
    public FlowStep ReturnStep { get; init; } = FlowStep.New;
    /// <summary>The buttons of the last prompt, to recognise a press (or the same words typed).</summary>
    public IReadOnlyList<Choice> PendingChoices { get; init; } = [];
}

public enum FlowStep
{
    New,
    AwaitingConsent,
    ChoosingLanguage,
    AwaitingQuoteConsent,
    Profile,
    AwaitingInput,
    ConfirmingTheme,
    ChangingTheme,
    ConfirmingForget,
    Declined,
}

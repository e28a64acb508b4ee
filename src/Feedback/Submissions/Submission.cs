namespace CitizenData.Feedback.Submissions;

/// <summary>One input, with its provenance and how it was understood.</summary>
public sealed record Submission
{
    public required string Id { get; init; }
    public required string ParticipantId { get; init; }
    public required string CampaignCode { get; init; }
    public required string Channel { get; init; }
    public required SubmissionSource Source { get; init; }
    public required string Language { get; init; }
    public required string Text { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>The consent version in force when this input was given.</summary>
    public required string ConsentVersion { get; init; }
    /// <summary>The channel's key for the update that carried this input (e.g. Telegram message id), to find it again on edits.</summary>
    public string? ChannelMessageKey { get; init; }
    public string? Theme { get; init; }
    public double? Confidence { get; init; }
    public IReadOnlyList<ThemeGuess> TopThemes { get; init; } = [];
    public string? ModelVersion { get; init; }
    public LabelSource LabelSource { get; init; } = LabelSource.None;
    public bool NeedsReview { get; init; }
    /// <summary>Earlier texts, when the resident edited the message.</summary>
    public IReadOnlyList<TextRevision> History { get; init; } = [];
    public long Version { get; init; }

    public static string NewId() => "s_" + Guid.NewGuid().ToString("N")[..20];
}

public sealed record ThemeGuess(string Theme, double Probability);

public sealed record TextRevision(string Text, DateTimeOffset ReplacedAt);

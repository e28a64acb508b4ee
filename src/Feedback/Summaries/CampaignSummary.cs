namespace CitizenData.Feedback.Summaries;

/// <summary>
/// The findings of a campaign for a period. In a public summary a null count is suppressed: it was below the
/// campaign's privacy threshold, or it is hidden so that a suppressed count cannot be worked out from the others.
/// </summary>
public sealed record CampaignSummary
{
    public required string CampaignCode { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public required SummaryAudience Audience { get; init; }
    public required int PrivacyThreshold { get; init; }
    /// <summary>Public only: so few took part that nothing but this fact is published.</summary>
    public bool TooFewParticipants { get; init; }
    public int? Participants { get; init; }
    public int? Inputs { get; init; }
    /// <summary>Themes by participants, largest first.</summary>
    public IReadOnlyList<ThemeSummary> Themes { get; init; } = [];
    public IReadOnlyList<Breakdown> Breakdowns { get; init; } = [];
    public IReadOnlyList<Quote> Quotes { get; init; } = [];
    public required DataQuality Quality { get; init; }

    /// <summary>Themes whose count is published, largest first.</summary>
    public IEnumerable<ThemeSummary> VisibleThemes => Themes.Where(t => t.Participants is not null);
}

/// <param name="Share">Share of all participants who raised the theme (0–1); a participant may raise several themes.</param>
/// <param name="Inputs">Internal summaries only.</param>
/// <param name="PreviousParticipants">The same count for the period of equal length just before, when published there.</param>
/// <param name="Change">Participants now minus before, when both are published.</param>
public sealed record ThemeSummary(string Theme, int? Participants, double? Share, int? Inputs, int? PreviousParticipants, int? Change);

/// <summary>
/// Participants per theme and value of one profile dimension (location, gender, …). Values include
/// <see cref="Breakdown.NotStated"/> for those who skipped the question; in public summaries, free-text values
/// (like locations) with fewer than k participants are merged into <see cref="Breakdown.OtherValues"/>.
/// </summary>
public sealed record Breakdown(
    string Dimension,
    bool IsMarginalisationFactor,
    IReadOnlyList<BreakdownValue> Values,
    IReadOnlyList<BreakdownCell> Cells,
    bool Withheld = false)
{
    public const string NotStated = "not_stated";
    public const string OtherValues = "other_values";
}

public sealed record BreakdownValue(string Value, int? Participants);

public sealed record BreakdownCell(string Theme, string Value, int? Participants);

/// <summary>A representative input, scrubbed of personal details, from someone who agreed to be quoted.</summary>
public sealed record Quote(string Theme, string Text);

/// <param name="ClassifiedShare">Share of inputs sorted into a theme.</param>
/// <param name="HighConfidenceShare">Share of inputs the model sorted with high confidence.</param>
/// <param name="ConfirmedShare">Share of inputs whose theme a resident or reviewer confirmed.</param>
public sealed record DataQuality(double ClassifiedShare, double HighConfidenceShare, double ConfirmedShare);

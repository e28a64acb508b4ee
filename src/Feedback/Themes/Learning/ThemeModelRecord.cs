namespace CitizenData.Feedback.Themes.Learning;

/// <summary>What is known about one trained theme model version (its bytes are stored beside it).</summary>
public sealed record ThemeModelRecord
{
    public required string Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>The pipeline it was trained with (<c>ThemeTrainerOptions.Describe()</c>).</summary>
    public required string Pipeline { get; init; }
    public required int TrainingSetSize { get; init; }
    /// <summary>Labelled submissions that existed when it was trained (training and held-back), to count new ones since.</summary>
    public int LabelCount { get; init; }
    public int CitizenLabels { get; init; }
    public int ReviewerLabels { get; init; }
    public int HoldoutSize { get; init; }
    public double? CrossValidatedMacroF1 { get; init; }
    public double? CrossValidatedAccuracy { get; init; }
    public double? HoldoutMacroF1 { get; init; }
    /// <summary>The model it was compared with on the held-back reviewer labels, and that model's score there.</summary>
    public string? ComparedWith { get; init; }
    public double? ComparedHoldoutMacroF1 { get; init; }
    /// <summary>Null while it has never been served.</summary>
    public DateTimeOffset? PromotedAt { get; init; }
    /// <summary>Why it was not promoted, when it was not.</summary>
    public string? Rejection { get; init; }

    public bool IsPromoted => PromotedAt is not null;
}

namespace CitizenData.Feedback.Summaries;

/// <summary>
/// What storage hands the summary engine: counts per profile cell (participants who gave exactly the same profile
/// answers), overall and per theme. Profile cells partition the participants, so every breakdown is a sum of cells.
/// </summary>
public sealed record SummaryCounts(IReadOnlyList<ProfileCellCounts> Cells, LabelQualityCounts Quality)
{
    /// <summary>The theme key under which inputs not sorted into a theme yet are counted.</summary>
    public const string Unsorted = "unsorted";

    public static SummaryCounts Empty { get; } = new([], new LabelQualityCounts(0, 0, 0, 0));
}

/// <param name="Participants">Distinct participants in the cell who gave input in the period.</param>
/// <param name="Themes">Per theme key: distinct participants who raised it, and their inputs.</param>
public sealed record ProfileCellCounts(
    IReadOnlyDictionary<string, string> Profile,
    int Participants,
    int Inputs,
    IReadOnlyDictionary<string, ThemeCount> Themes);

public sealed record ThemeCount(int Participants, int Inputs);

/// <param name="HighConfidence">Inputs the model sorted with at least the campaign's review threshold.</param>
/// <param name="Confirmed">Inputs whose theme a resident or a reviewer confirmed or set.</param>
public sealed record LabelQualityCounts(int Inputs, int Classified, int HighConfidence, int Confirmed);

/// <summary>An input that may be quoted: its author agreed to be quoted.</summary>
public sealed record QuoteCandidate(string SubmissionId, string Theme, string Text);

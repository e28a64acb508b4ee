namespace CitizenData.Feedback.Themes.Learning;

/// <summary>What one retraining learns from and is judged on.</summary>
/// <param name="Training">Seed examples (ours and the campaigns'), residents' labels and the reviewer labels not held back.</param>
/// <param name="Holdout">Reviewer labels held back: never trained on by any version, so versions can be compared on them.</param>
/// <param name="LabelledSubmissionIds">The submissions whose labels are in <paramref name="Training"/>.</param>
public sealed record TrainingSet(
    IReadOnlyList<LabelledText> Training,
    IReadOnlyList<LabelledText> Holdout,
    IReadOnlyList<string> LabelledSubmissionIds,
    int LabelCount,
    int CitizenLabels,
    int ReviewerLabels);

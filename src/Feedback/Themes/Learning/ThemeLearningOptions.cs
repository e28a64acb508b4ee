using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Feedback.Themes.Learning;

/// <summary>When and how the theme model learns from residents' and reviewers' labels.</summary>
public sealed record ThemeLearningOptions
{
    /// <summary>Retrain once this many labelled submissions arrived since the current model was trained.</summary>
    public int RetrainAfterNewLabels { get; init; } = 50;

    /// <summary>Retrain at least this often while there is any new label.</summary>
    public TimeSpan RetrainInterval { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Share of reviewer labels held back from training to compare candidate and current model.</summary>
    public double HoldoutFraction { get; init; } = 0.2;

    /// <summary>Fewer held-back reviewer labels than this cannot show a candidate is not worse: it is stored, not promoted.</summary>
    public int MinimumHoldout { get; init; } = 10;

    /// <summary>Folds of the cross-validation recorded with each version; 0 skips it.</summary>
    public int CrossValidationFolds { get; init; } = 3;

    public ThemeTrainerOptions Pipeline { get; init; } = ThemeTrainerOptions.Default;
}

using CitizenData.Feedback.Themes.Learning;

namespace CitizenData.Bot.Themes;

/// <summary>The <c>Themes</c> configuration section: when the background retrainer looks for new labels and retrains.</summary>
public sealed class ThemesOptions
{
    public const string Section = "Themes";

    /// <summary>How often to check for new labels and for a model another instance promoted.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int RetrainAfterNewLabels { get; set; } = 50;

    public TimeSpan RetrainInterval { get; set; } = TimeSpan.FromDays(1);

    public double HoldoutFraction { get; set; } = 0.2;

    public int MinimumHoldout { get; set; } = 10;

    public int CrossValidationFolds { get; set; } = 3;

    /// <summary>Longest wait after repeated failures.</summary>
    public TimeSpan MaximumBackoff { get; set; } = TimeSpan.FromMinutes(30);

    public ThemeLearningOptions ToLearningOptions() => new()
    {
        RetrainAfterNewLabels = RetrainAfterNewLabels,
        RetrainInterval = RetrainInterval,
        HoldoutFraction = HoldoutFraction,
        MinimumHoldout = MinimumHoldout,
        CrossValidationFolds = CrossValidationFolds,
    };
}

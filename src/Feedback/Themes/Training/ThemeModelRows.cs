using Microsoft.ML.Data;

namespace CitizenData.Feedback.Themes.Training;

/// <summary>One training example as ML.NET reads it: normalised text, theme and example weight.</summary>
internal sealed class ThemeTrainingRow
{
    public string Text { get; set; } = string.Empty;
    public string Theme { get; set; } = string.Empty;
    public float Weight { get; set; } = 1;
}

/// <summary>One theme key, to fix the order of the label keys.</summary>
internal sealed class ThemeKeyRow
{
    public string Theme { get; set; } = string.Empty;
}

/// <summary>What the served model reads: the normalised text only.</summary>
public sealed class ThemeModelInput
{
    public string Text { get; set; } = string.Empty;
}

/// <summary>What the served model writes: one score per theme, in <see cref="ThemeModel.Themes"/> order.</summary>
public sealed class ThemeModelOutput
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}

namespace CitizenData.Feedback.Themes;

/// <summary>The classifier's best themes, most likely first. Empty when nothing could classify the text.</summary>
public sealed record ThemePrediction(IReadOnlyList<ThemeScore> Top, string? ModelVersion = null)
{
    public static ThemePrediction Unclassified { get; } = new([]);

    public bool IsClassified => Top.Count > 0;

    public string? Theme => IsClassified ? Top[0].Theme : null;

    public double Confidence => IsClassified ? Top[0].Probability : 0;
}

public sealed record ThemeScore(string Theme, double Probability);

namespace CitizenData.Feedback.Themes;

/// <summary>
/// Used where no trained model is available: every input is stored unclassified and the resident is told so,
/// rather than being shown a guess.
/// </summary>
public sealed class UnclassifiedThemeClassifier : IThemeClassifier
{
    public ThemePrediction Classify(string text, string campaignCode, ThemeTaxonomy taxonomy) => ThemePrediction.Unclassified;
}

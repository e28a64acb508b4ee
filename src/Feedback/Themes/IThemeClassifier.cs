namespace CitizenData.Feedback.Themes;

/// <summary>Sorts a resident's words into one of a campaign's themes. Implementations are thread-safe.</summary>
public interface IThemeClassifier
{
    ThemePrediction Classify(string text, string campaignCode, ThemeTaxonomy taxonomy);
}

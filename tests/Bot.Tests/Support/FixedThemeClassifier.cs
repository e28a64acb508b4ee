using CitizenData.Feedback.Themes;

namespace CitizenData.Bot.Tests.Support;

/// <summary>
/// A classifier that always answers the same theme and confidence: lets a transcript test steer the branch
/// (confident, unsure) without depending on what a trained model makes of a sentence.
/// </summary>
public sealed class FixedThemeClassifier(string theme, double confidence) : IThemeClassifier
{
    public ThemePrediction Classify(string text, string campaignCode, ThemeTaxonomy taxonomy) =>
        new([new ThemeScore(theme, confidence), new ThemeScore(ThemeTaxonomy.Other, 1 - confidence)], "fixed");
}

using CitizenData.Feedback.Themes;

namespace CitizenData.Bot.Tests.Channels.Telegram;

/// <summary>A stand-in for the trained model: a few keywords, sure of itself, so transcripts can show and correct a theme.</summary>
internal sealed class KeywordThemeClassifier : IThemeClassifier
{
    private static readonly (string Word, string Theme)[] Keywords =
    [
        ("water", "water_sanitation"), ("borehole", "water_sanitation"), ("clinic", "health"), ("school", "education"),
        ("road", "infrastructure"), ("police", "safety"),
    ];

    public ThemePrediction Classify(string text, string campaignCode, ThemeTaxonomy taxonomy)
    {
        var theme = Keywords.FirstOrDefault(k => text.Contains(k.Word, StringComparison.OrdinalIgnoreCase)).Theme ?? "other";
        return new ThemePrediction([new ThemeScore(theme, 0.9)], "keywords-test");
    }
}

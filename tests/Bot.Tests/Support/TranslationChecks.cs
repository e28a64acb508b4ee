using System.Text.RegularExpressions;
using CitizenData.Bot.Localisation;

namespace CitizenData.Bot.Tests.Support;

/// <summary>What every text catalogue (the bot's, the dashboard's) must satisfy for each of its languages.</summary>
internal static partial class TranslationChecks
{
    /// <summary>Every language has every English key, with the same <c>{0}</c> placeholders.</summary>
    public static void EveryLanguageHasEveryTextWithTheSamePlaceholders(TextCatalogue catalogue)
    {
        var english = catalogue.Keys(TextCatalogue.DefaultLanguage);
        Assert.NotEmpty(english);
        foreach (var language in catalogue.Languages)
        {
            Assert.Equal(english.Order(StringComparer.Ordinal), catalogue.Keys(language).Order(StringComparer.Ordinal));
            foreach (var key in english)
                Assert.True(
                    Placeholders(catalogue.Get(TextCatalogue.DefaultLanguage, key)).SetEquals(Placeholders(catalogue.Get(language, key))),
                    $"'{key}' in {language} has other placeholders than in English.");
        }
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}

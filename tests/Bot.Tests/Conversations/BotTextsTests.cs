using System.Text.RegularExpressions;
using CitizenData.Bot.Conversations.Localisation;

namespace CitizenData.Bot.Tests.Conversations;

public sealed partial class BotTextsTests
{
    private readonly BotTexts texts = new();

    [Fact]
    public void The_bot_speaks_the_six_languages_it_ships_with()
    {
        Assert.Equal(["en", "es", "fr", "hi", "ne", "sw"], texts.Languages);
    }

    [Fact]
    public void Every_language_has_every_text_with_the_same_placeholders()
    {
        var english = texts.Keys("en");
        foreach (var language in texts.Languages)
        {
            Assert.Equal(english.Order(StringComparer.Ordinal), texts.Keys(language).Order(StringComparer.Ordinal));
            foreach (var key in english)
                Assert.True(
                    Placeholders(texts.Get("en", key)).SetEquals(Placeholders(texts.Get(language, key))),
                    $"'{key}' in {language} has other placeholders than in English.");
        }
    }

    [Theory]
    [InlineData("sw-KE", "sw")]
    [InlineData("fr_FR", "fr")]
    [InlineData("hi", "hi")]
    [InlineData("NE", "ne")]
    [InlineData("de-DE", null)]
    [InlineData("", null)]
    public void A_channel_locale_maps_to_a_language_we_speak(string locale, string? expected) =>
        Assert.Equal(expected, texts.MatchLocale(locale));

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}

using System.Text.RegularExpressions;
using CitizenData.Bot.Admin.Dashboard;

namespace CitizenData.Bot.Tests.Dashboard;

public sealed partial class DashboardTextsTests
{
    private readonly DashboardTexts texts = new();

    [Fact]
    public void The_dashboard_speaks_the_bots_six_languages()
    {
        Assert.Equal(["en", "es", "fr", "hi", "ne", "sw"], texts.Languages);
    }

    [Fact]
    public void Every_language_has_every_text_with_the_same_placeholders()
    {
        var english = texts.Keys("en");
        Assert.NotEmpty(english);
        foreach (var language in texts.Languages)
        {
            Assert.Equal(english.Order(StringComparer.Ordinal), texts.Keys(language).Order(StringComparer.Ordinal));
            foreach (var key in english)
                Assert.True(
                    Placeholders(texts.Get("en", key)).SetEquals(Placeholders(texts.Get(language, key))),
                    $"'{key}' in {language} has other placeholders than in English.");
        }
    }

    [Fact]
    public void An_unknown_key_is_an_error_not_an_empty_text() =>
        Assert.Throws<KeyNotFoundException>(() => texts.Get("sw", "no.such_key"));

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}

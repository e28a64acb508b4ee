using CitizenData.Bot.Admin.Dashboard;
using CitizenData.Bot.Tests.Support;

namespace CitizenData.Bot.Tests.Dashboard;

public sealed class DashboardTextsTests
{
    private readonly DashboardTexts texts = new();

    [Fact]
    public void The_dashboard_speaks_the_bots_six_languages()
    {
        Assert.Equal(["en", "es", "fr", "hi", "ne", "sw"], texts.Languages);
    }

    [Fact]
    public void Every_language_has_every_text_with_the_same_placeholders() =>
        TranslationChecks.EveryLanguageHasEveryTextWithTheSamePlaceholders(texts.Catalogue);

    [Fact]
    public void An_unknown_key_is_an_error_not_an_empty_text() =>
        Assert.Throws<KeyNotFoundException>(() => texts.Get("sw", "no.such_key"));
}

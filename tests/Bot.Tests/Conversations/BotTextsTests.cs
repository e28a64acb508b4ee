using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Bot.Tests.Support;

namespace CitizenData.Bot.Tests.Conversations;

public sealed class BotTextsTests
{
    private readonly BotTexts texts = new();

    [Fact]
    public void The_bot_speaks_the_six_languages_it_ships_with()
    {
        Assert.Equal(["en", "es", "fr", "hi", "ne", "sw"], texts.Languages);
    }

    [Fact]
    public void Every_language_has_every_text_with_the_same_placeholders() =>
        TranslationChecks.EveryLanguageHasEveryTextWithTheSamePlaceholders(texts.Catalogue);

    [Theory]
    [InlineData("sw-KE", "sw")]
    [InlineData("fr_FR", "fr")]
    [InlineData("hi", "hi")]
    [InlineData("NE", "ne")]
    [InlineData("de-DE", null)]
    [InlineData("", null)]
    public void A_channel_locale_maps_to_a_language_we_speak(string locale, string? expected) =>
        Assert.Equal(expected, texts.MatchLocale(locale));
}

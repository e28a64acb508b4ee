using CitizenData.Bot.Localisation;

namespace CitizenData.Bot.Conversations.Localisation;

/// <summary>
/// Every text the bot says, per language, from embedded JSON files <c>Texts/{language}.json</c>. Adding a language is
/// adding one file: the set of languages is whatever files are embedded.
/// </summary>
public sealed class BotTexts
{
    private const string ResourcePrefix = "CitizenData.Texts.";

    public BotTexts()
    {
        Catalogue = new TextCatalogue("bot text", LoadEmbedded());
    }

    /// <summary>The texts themselves (for checks that every language has every text).</summary>
    public TextCatalogue Catalogue { get; }

    public string DefaultLanguage => TextCatalogue.DefaultLanguage;

    /// <summary>Language codes, English first.</summary>
    public IReadOnlyList<string> Languages => Catalogue.Languages;

    public IReadOnlyCollection<string> Keys(string language) => Catalogue.Keys(language);

    public bool Supports(string language) => Catalogue.Supports(language);

    /// <summary>The language's name in that language (for the language buttons).</summary>
    public string LanguageName(string language) => Get(language, "language.name");

    /// <summary>The text in the language, falling back to English for a key a translation lacks.</summary>
    public string Get(string language, string key, params object[] args) => Catalogue.Get(language, key, args);

    /// <summary>Maps a channel locale ("fr-FR", "sw", "hi_IN") to a language we speak, if any.</summary>
    public string? MatchLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
            return null;
        var code = locale.Replace('_', '-').Split('-')[0].ToLowerInvariant();
        return Supports(code) ? code : null;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> LoadEmbedded()
    {
        var assembly = typeof(BotTexts).Assembly;
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
            result[name[ResourcePrefix.Length..^".json".Length]] = TextCatalogue.ReadEmbedded(assembly, name);
        return result;
    }
}

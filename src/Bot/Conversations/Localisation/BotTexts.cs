using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace CitizenData.Bot.Conversations.Localisation;

/// <summary>
/// Every text the bot says, per language, from embedded JSON files <c>Texts/{language}.json</c>. Adding a language is
/// adding one file: the set of languages is whatever files are embedded.
/// </summary>
public sealed class BotTexts
{
    private const string ResourcePrefix = "CitizenData.Texts.";
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> texts;

    public BotTexts()
        : this(LoadEmbedded())
    {
    }

    public BotTexts(Dictionary<string, IReadOnlyDictionary<string, string>> texts)
    {
        this.texts = texts;
        Languages = [.. texts.Keys.OrderBy(code => code == DefaultLanguage ? 0 : 1).ThenBy(code => code, StringComparer.Ordinal)];
    }

    public string DefaultLanguage => "en";

    /// <summary>Language codes, English first.</summary>
    public IReadOnlyList<string> Languages { get; }

    public IReadOnlyCollection<string> Keys(string language) =>
        texts.TryGetValue(language, out var table) ? (IReadOnlyCollection<string>)table.Keys : [];

    public bool Supports(string language) => texts.ContainsKey(language);

    /// <summary>The language's name in that language (for the language buttons).</summary>
    public string LanguageName(string language) => Get(language, "language.name");

    /// <summary>The text in the language, falling back to English for a key a translation lacks.</summary>
    public string Get(string language, string key, params object[] args)
    {
        var template = (texts.TryGetValue(language, out var table) && table.TryGetValue(key, out var text)) ? text
            : texts[DefaultLanguage].TryGetValue(key, out var english) ? english
            : throw new KeyNotFoundException($"No bot text '{key}'.");
        return args.Length == 0 ? template : string.Format(CultureFor(language), template, args);
    }

    /// <summary>Maps a channel locale ("fr-FR", "sw", "hi_IN") to a language we speak, if any.</summary>
    public string? MatchLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
            return null;
        var code = locale.Replace('_', '-').Split('-')[0].ToLowerInvariant();
        return Supports(code) ? code : null;
    }

    private static CultureInfo CultureFor(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> LoadEmbedded()
    {
        var assembly = typeof(BotTexts).Assembly;
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var language = name[ResourcePrefix.Length..^".json".Length];
            result[language] = Read(assembly, name);
        }
        return result;
    }

    private static Dictionary<string, string> Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidDataException($"Bot texts {resource} are empty.");
    }
}

using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace CitizenData.Bot.Localisation;

/// <summary>
/// Texts by language and key, with English as the fallback for a key a translation lacks, and <c>{0}</c> placeholders
/// filled in the language's own number and date conventions. The bot's words and the dashboard's are two catalogues.
/// </summary>
public sealed class TextCatalogue
{
    public const string DefaultLanguage = "en";

    private readonly string kind;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> texts;

    /// <param name="kind">What the texts are ("bot text", "dashboard text"), for error messages.</param>
    /// <param name="texts">Language code → key → text; must include English.</param>
    public TextCatalogue(string kind, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (!texts.ContainsKey(DefaultLanguage))
            throw new InvalidOperationException($"The {kind}s have no English, which every other language falls back to.");
        this.kind = kind;
        this.texts = texts;
        Languages = [.. texts.Keys.OrderBy(code => code == DefaultLanguage ? 0 : 1).ThenBy(code => code, StringComparer.Ordinal)];
    }

    /// <summary>Language codes, English first.</summary>
    public IReadOnlyList<string> Languages { get; }

    public bool Supports(string? language) => language is not null && texts.ContainsKey(language);

    /// <summary>Whether there is a text for <paramref name="key"/> (in English, which every language falls back to).</summary>
    public bool Has(string key) => texts[DefaultLanguage].ContainsKey(key);

    public IReadOnlyCollection<string> Keys(string language) =>
        texts.TryGetValue(language, out var table) ? (IReadOnlyCollection<string>)table.Keys : [];

    /// <summary>The text in the language, falling back to English for a key a translation lacks.</summary>
    public string Get(string language, string key, params object?[] args)
    {
        var template = (texts.TryGetValue(language, out var table) && table.TryGetValue(key, out var text)) ? text
            : texts[DefaultLanguage].TryGetValue(key, out var english) ? english
            : throw new KeyNotFoundException($"No {kind} '{key}'.");
        return args.Length == 0 ? template : string.Format(CultureFor(language), template, args);
    }

    /// <summary>The culture for a language code, or the invariant culture when .NET does not know it.</summary>
    public static CultureInfo CultureFor(string language)
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

    /// <summary>One embedded JSON file of texts: a flat object, key → text.</summary>
    public static Dictionary<string, string> ReadEmbedded(Assembly assembly, string resource)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No embedded text file '{resource}'.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidDataException($"The text file '{resource}' is empty.");
    }
}

using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace CitizenData.Bot.Admin.Dashboard;

/// <summary>
/// The dashboard's words, per language, from embedded files <c>Texts/{area}.{language}.json</c> (one area per page or
/// part of the layout, so pages can be translated and changed independently). A key is <c>{area}.{key in file}</c>:
/// <c>review.title</c> comes from <c>review.sw.json</c>'s <c>"title"</c>. Placeholders are <c>{0}</c>, <c>{1}</c>…
/// </summary>
public sealed class DashboardTexts
{
    public const string DefaultLanguage = "en";
    private const string ResourcePrefix = "CitizenData.Dashboard.";

    private readonly Dictionary<string, Dictionary<string, string>> texts;

    public DashboardTexts()
        : this(LoadEmbedded())
    {
    }

    internal DashboardTexts(Dictionary<string, Dictionary<string, string>> texts)
    {
        this.texts = texts;
        Languages = [.. texts.Keys.OrderBy(code => code == DefaultLanguage ? 0 : 1).ThenBy(code => code, StringComparer.Ordinal)];
    }

    /// <summary>Language codes, English first.</summary>
    public IReadOnlyList<string> Languages { get; }

    public bool Supports(string? language) => language is not null && texts.ContainsKey(language);

    public IReadOnlyCollection<string> Keys(string language) =>
        texts.TryGetValue(language, out var table) ? table.Keys : [];

    /// <summary>The text in the language, falling back to English for a key a translation lacks.</summary>
    public string Get(string language, string key, params object?[] args)
    {
        var template = (texts.TryGetValue(language, out var table) && table.TryGetValue(key, out var text)) ? text
            : texts[DefaultLanguage].TryGetValue(key, out var english) ? english
            : throw new KeyNotFoundException($"No dashboard text '{key}'.");
        return args.Length == 0 ? template : string.Format(CultureFor(language), template, args);
    }

    internal static CultureInfo CultureFor(string language)
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

    private static Dictionary<string, Dictionary<string, string>> LoadEmbedded()
    {
        var assembly = typeof(DashboardTexts).Assembly;
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            // CitizenData.Dashboard.{area}.{language}.json
            var parts = name[ResourcePrefix.Length..^".json".Length].Split('.');
            if (parts.Length != 2)
                throw new InvalidOperationException($"Dashboard text file '{name}' must be named {{area}}.{{language}}.json.");
            var (area, language) = (parts[0], parts[1]);
            if (!result.TryGetValue(language, out var table))
                result[language] = table = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in Read(assembly, name))
                table[area + "." + key] = value;
        }
        return result;
    }

    private static Dictionary<string, string> Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"Dashboard text file '{resource}' is empty.");
    }
}

using CitizenData.Bot.Localisation;

namespace CitizenData.Bot.Admin.Dashboard;

/// <summary>
/// The dashboard's words, per language, from embedded files <c>Texts/{area}.{language}.json</c> (one area per page or
/// part of the layout, so pages can be translated and changed independently). A key is <c>{area}.{key in file}</c>:
/// <c>review.title</c> comes from <c>review.sw.json</c>'s <c>"title"</c>. Placeholders are <c>{0}</c>, <c>{1}</c>…
/// </summary>
public sealed class DashboardTexts
{
    public const string DefaultLanguage = TextCatalogue.DefaultLanguage;
    private const string ResourcePrefix = "CitizenData.Dashboard.";

    public DashboardTexts()
    {
        Catalogue = new TextCatalogue("dashboard text", LoadEmbedded());
    }

    /// <summary>The texts themselves (for checks that every language has every text).</summary>
    public TextCatalogue Catalogue { get; }

    /// <summary>Language codes, English first.</summary>
    public IReadOnlyList<string> Languages => Catalogue.Languages;

    public bool Supports(string? language) => Catalogue.Supports(language);

    /// <summary>The text in the language, falling back to English for a key a translation lacks.</summary>
    public string Get(string language, string key, params object?[] args) => Catalogue.Get(language, key, args);

    private static Dictionary<string, IReadOnlyDictionary<string, string>> LoadEmbedded()
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
            foreach (var (key, value) in TextCatalogue.ReadEmbedded(assembly, name))
                table[area + "." + key] = value;
        }
        return result.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, string>)r.Value, StringComparer.OrdinalIgnoreCase);
    }
}

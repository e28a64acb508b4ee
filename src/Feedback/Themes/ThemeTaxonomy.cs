namespace CitizenData.Feedback.Themes;

/// <summary>The set of themes a campaign sorts inputs into.</summary>
public sealed record ThemeTaxonomy(IReadOnlyList<Theme> Themes)
{
    public const string Other = "other";

    public Theme? Find(string key) => Themes.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal));

    public bool Contains(string key) => Find(key) is not null;

    public IEnumerable<string> Keys => Themes.Select(t => t.Key);
}

namespace CitizenData.Feedback.Themes;

/// <summary>A theme that inputs are sorted into, with its names per language and optional seed examples.</summary>
public sealed record Theme
{
    public required string Key { get; init; }
    public required IReadOnlyDictionary<string, string> Names { get; init; }
    public IReadOnlyDictionary<string, string> Descriptions { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> SeedExamples { get; init; } = [];

    public string Name(string language) =>
        Names.TryGetValue(language, out var name) ? name
        : Names.TryGetValue("en", out var english) ? english
        : Key;
}

namespace CitizenData.Feedback.Themes.Seeds;

/// <summary>
/// The seed examples we wrote for the default taxonomy: one embedded file per theme (<c>Seeds/THEME.tsv</c>), each line
/// <c>language&lt;TAB&gt;text</c>. They train the default model a fresh installation starts with.
/// </summary>
public static class SeedExamples
{
    private const string ResourcePrefix = "CitizenData.Feedback.Themes.Seeds.";

    private static readonly Lazy<IReadOnlyList<SeedExample>> All = new(Load);

    public static IReadOnlyList<SeedExample> Examples => All.Value;

    public static IReadOnlyList<LabelledText> Labelled() => [.. Examples.Select(e => new LabelledText(e.Text, e.Theme))];

    private static List<SeedExample> Load()
    {
        var assembly = typeof(SeedExamples).Assembly;
        var examples = new List<SeedExample>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".tsv", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var theme = name[ResourcePrefix.Length..^".tsv".Length];
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
                    continue;
                var parts = line.Split('\t', 2);
                if (parts.Length != 2 || parts[1].Trim().Length == 0)
                    throw new ThemeDataException($"Seeds/{theme}.tsv line {number}: expected 'language<TAB>text'.");
                examples.Add(new SeedExample(theme, parts[0].Trim(), parts[1].Trim()));
            }
        }
        return examples;
    }
}

/// <param name="Language">ISO 639-1 code; romanised Hindi or Nepali is marked <c>hi-Latn</c> / <c>ne-Latn</c>.</param>
public sealed record SeedExample(string Theme, string Language, string Text);

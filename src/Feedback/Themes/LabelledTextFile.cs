namespace CitizenData.Feedback.Themes;

/// <summary>Reads labelled examples as <c>text&lt;TAB&gt;theme</c> lines: UTF-8, no header, blank lines ignored.</summary>
public static class LabelledTextFile
{
    public static IReadOnlyList<LabelledText> Read(string path, IEnumerable<string> knownThemes)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new ThemeDataException($"{path}: no such file.");
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, knownThemes, path);
    }

    public static IReadOnlyList<LabelledText> Read(TextReader reader, IEnumerable<string> knownThemes, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var themes = knownThemes.ToHashSet(StringComparer.Ordinal);
        var examples = new List<LabelledText>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var tab = line.LastIndexOf('\t');
            if (tab < 0)
                throw new ThemeDataException($"{name} line {number}: expected 'text<TAB>theme' but found no tab.");
            var text = line[..tab].Trim();
            var theme = line[(tab + 1)..].Trim();
            if (text.Length == 0)
                throw new ThemeDataException($"{name} line {number}: the text is empty.");
            if (theme.Length == 0)
                throw new ThemeDataException($"{name} line {number}: the theme is missing.");
            if (!themes.Contains(theme))
                throw new ThemeDataException($"{name} line {number}: unknown theme '{theme}' (known: {string.Join(", ", themes.Order(StringComparer.Ordinal))}).");
            examples.Add(new LabelledText(text, theme));
        }
        if (examples.Count == 0)
            throw new ThemeDataException($"{name}: no examples.");
        return examples;
    }
}

using CitizenData.Feedback.Themes;
using CitizenData.Feedback.Themes.Seeds;

namespace CitizenData.Benchmarks;

/// <summary>
/// As many labelled messages as a benchmark needs, made from the seed examples: each picks a seed, sometimes joins a
/// second one of the same theme, drops or swaps words and adds typos, so the vocabulary grows as real traffic's does.
/// </summary>
public static class SyntheticExamples
{
    public static IReadOnlyList<LabelledText> Make(int count, int seed = 7)
    {
        var random = new Random(seed);
        var byTheme = SeedExamples.Examples.GroupBy(e => e.Theme).ToDictionary(g => g.Key, g => g.Select(e => e.Text).ToArray());
        var themes = byTheme.Keys.Order(StringComparer.Ordinal).ToArray();
        var examples = new List<LabelledText>(count);
        for (var i = 0; i < count; i++)
        {
            var theme = themes[random.Next(themes.Length)];
            var texts = byTheme[theme];
            var words = texts[random.Next(texts.Length)].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (random.NextDouble() < 0.3)
                words.AddRange(texts[random.Next(texts.Length)].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            for (var w = 0; w < words.Count; w++)
            {
                var roll = random.NextDouble();
                if (roll < 0.08 && words.Count > 3)
                    words.RemoveAt(w);
                else if (roll < 0.16 && w + 1 < words.Count)
                    (words[w], words[w + 1]) = (words[w + 1], words[w]);
                else if (roll < 0.30 && words[w].Length > 3)
                    words[w] = Typo(words[w], random);
            }
            examples.Add(new LabelledText(string.Join(' ', words), theme));
        }
        return examples;
    }

    private static string Typo(string word, Random random)
    {
        var chars = word.ToCharArray().ToList();
        var at = random.Next(1, chars.Count - 1);
        switch (random.Next(3))
        {
            case 0: chars.RemoveAt(at); break;
            case 1: chars.Insert(at, chars[at]); break;
            default: (chars[at], chars[at - 1]) = (chars[at - 1], chars[at]); break;
        }
        return new string([.. chars]);
    }
}

using System.Globalization;
using System.Text;
using CitizenData.Feedback.Privacy;

namespace CitizenData.Feedback.Summaries;

/// <summary>
/// Picks representative quotes per theme: the inputs closest to the theme's centroid in a bag-of-words space (cosine
/// over word counts), so a quote says what many said rather than the most unusual thing. Texts are scrubbed of
/// personal details first; a text that is mostly personal details is not quoted at all.
/// </summary>
public static class QuoteSelector
{
    public const int MinimumLength = 20;
    public const int MaximumLength = 280;

    public static IReadOnlyList<Quote> Select(IEnumerable<QuoteCandidate> candidates, IReadOnlySet<string> themes, int perTheme)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(themes);
        var quotes = new List<Quote>();
        foreach (var group in candidates.Where(c => themes.Contains(c.Theme)).GroupBy(c => c.Theme, StringComparer.Ordinal))
        {
            var scrubbed = group
                .Select(c => PiiScrubber.Scrub(c.Text))
                .Where(text => text.Length >= MinimumLength && text.Length <= MaximumLength && PlaceholderShare(text) < 0.25)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(text => (Text: text, Vector: Words(text)))
                .ToList();
            if (scrubbed.Count == 0)
                continue;
            var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (_, vector) in scrubbed)
                foreach (var (word, weight) in vector)
                    centroid[word] = centroid.GetValueOrDefault(word) + weight / scrubbed.Count;
            quotes.AddRange(scrubbed
                .OrderByDescending(s => Cosine(s.Vector, centroid))
                .ThenBy(s => s.Text, StringComparer.Ordinal)
                .Take(perTheme)
                .Select(s => new Quote(group.Key, s.Text)));
        }
        return quotes;
    }

    private static double PlaceholderShare(string text)
    {
        var removed = 0;
        for (var at = text.IndexOf(PiiScrubber.Placeholder, StringComparison.Ordinal); at >= 0; at = text.IndexOf(PiiScrubber.Placeholder, at + 1, StringComparison.Ordinal))
            removed += PiiScrubber.Placeholder.Length;
        return (double)removed / text.Length;
    }

    /// <summary>Unit-length word counts; letters and marks count as word characters, so Devanagari words stay whole.</summary>
    private static Dictionary<string, double> Words(string text)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var ch in text.ToLower(CultureInfo.InvariantCulture).Append(' '))
        {
            var category = char.GetUnicodeCategory(ch);
            if (char.IsLetter(ch) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(ch);
                continue;
            }
            if (word.Length >= 3)
                counts[word.ToString()] = counts.GetValueOrDefault(word.ToString()) + 1;
            word.Clear();
        }
        var norm = Math.Sqrt(counts.Values.Sum(v => v * v));
        if (norm > 0)
            foreach (var key in counts.Keys.ToList())
                counts[key] /= norm;
        return counts;
    }

    private static double Cosine(Dictionary<string, double> vector, Dictionary<string, double> centroid) =>
        vector.Sum(pair => pair.Value * centroid.GetValueOrDefault(pair.Key));
}

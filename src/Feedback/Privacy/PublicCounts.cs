using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Submissions;

namespace CitizenData.Feedback.Privacy;

/// <summary>
/// A campaign's submissions as counts safe to publish: per theme, and per theme by language, channel, source and each
/// profile question, with small-cell suppression at the campaign's threshold. No text, no ids. Counting holds one
/// number per (dimension, value, theme), never the submissions.
/// </summary>
public static class PublicCounts
{
    public const string All = "(all)";
    public const string NotGiven = "(not given)";
    public const string Unclassified = "(unclassified)";

    /// <summary>Count is null where suppressed.</summary>
    public sealed record Row(string Dimension, string Value, string Theme, long? Count);

    public static async Task<IReadOnlyList<Row>> CountAsync(Campaign campaign, IAsyncEnumerable<ProfiledSubmission> submissions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(submissions);
        var themes = campaign.Taxonomy.Keys.Append(Unclassified).ToList();
        var themeIndex = themes.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var dimensions = new List<string> { "language", "channel", "source" };
        dimensions.AddRange(campaign.ProfileQuestions.Select(q => q.Key).Where(k => !dimensions.Contains(k)));
        var counts = dimensions.ToDictionary(d => d, _ => new Dictionary<string, long[]>(StringComparer.Ordinal));
        var themeTotals = new long[themes.Count];

        await foreach (var (submission, profile) in submissions.WithCancellation(cancellationToken))
        {
            var theme = submission.Theme is { } t && themeIndex.TryGetValue(t, out var known) ? known : themeIndex[Unclassified];
            themeTotals[theme]++;
            foreach (var dimension in dimensions)
            {
                var value = dimension switch
                {
                    "language" => submission.Language,
                    "channel" => submission.Channel,
                    "source" => submission.Source.ToString().ToLowerInvariant(),
                    _ => profile.TryGetValue(dimension, out var answer) && !string.IsNullOrWhiteSpace(answer) ? answer.Trim() : NotGiven,
                };
                if (!counts[dimension].TryGetValue(value, out var perTheme))
                    counts[dimension][value] = perTheme = new long[themes.Count];
                perTheme[theme]++;
            }
        }

        var tables = dimensions.Select(dimension =>
        {
            var values = counts[dimension].Keys.Order(StringComparer.Ordinal).ToList();
            var cells = new long[themes.Count, values.Count];
            for (var column = 0; column < values.Count; column++)
                for (var row = 0; row < themes.Count; row++)
                    cells[row, column] = counts[dimension][values[column]][row];
            return new SmallCellSuppression.Table(dimension, values, cells);
        }).ToList();
        var result = SmallCellSuppression.Apply(themeTotals, tables, campaign.PrivacyThreshold);

        var rows = new List<Row>();
        for (var row = 0; row < themes.Count; row++)
            rows.Add(new Row("all", All, themes[row], result.HiddenThemeTotals[row] ? null : themeTotals[row]));
        rows.Add(new Row("all", All, All, result.HiddenGrandTotal ? null : result.GrandTotal));
        foreach (var table in tables)
        {
            for (var column = 0; column < table.Values.Count; column++)
            {
                for (var row = 0; row < themes.Count; row++)
                    rows.Add(new Row(table.Dimension, table.Values[column], themes[row], table.HiddenCells[row, column] ? null : table.Cells[row, column]));
                rows.Add(new Row(table.Dimension, table.Values[column], All, table.HiddenColumnTotals[column] ? null : table.ColumnTotal(column)));
            }
        }
        return rows;
    }
}

using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Themes;

namespace CitizenData.Feedback.Summaries;

/// <summary>The full, unsuppressed counts of a summary, added up from profile cells.</summary>
internal sealed record SummaryTables(
    int Participants,
    int Inputs,
    IReadOnlyList<string> Themes,
    IReadOnlyDictionary<string, ThemeCount> ByTheme,
    IReadOnlyList<DimensionTable> Dimensions)
{
    public static SummaryTables From(Campaign campaign, SummaryCounts counts, bool mergeSmallFreeTextValues)
    {
        var byTheme = new Dictionary<string, ThemeCount>(StringComparer.Ordinal);
        foreach (var cell in counts.Cells)
            foreach (var (theme, count) in cell.Themes)
                byTheme[theme] = byTheme.TryGetValue(theme, out var sum) ? new(sum.Participants + count.Participants, sum.Inputs + count.Inputs) : count;
        // The campaign's themes in taxonomy order, then any stored theme the taxonomy no longer has.
        var themes = campaign.Taxonomy.Keys.Concat(byTheme.Keys.Where(k => !campaign.Taxonomy.Contains(k)).Order(StringComparer.Ordinal)).ToList();
        foreach (var theme in themes)
            byTheme.TryAdd(theme, new ThemeCount(0, 0));

        var threshold = campaign.PrivacyThreshold;
        var dimensions = campaign.ProfileQuestions
            .Select(q => DimensionTable.From(q, counts.Cells, mergeSmallFreeTextValues ? threshold : 0))
            .ToList();
        return new SummaryTables(counts.Cells.Sum(c => c.Participants), counts.Cells.Sum(c => c.Inputs), themes, byTheme, dimensions);
    }
}

/// <summary>Participants per value of one profile dimension, and per theme and value.</summary>
internal sealed record DimensionTable(
    ProfileQuestion Question,
    IReadOnlyList<string> Values,
    IReadOnlyDictionary<string, int> ByValue,
    IReadOnlyDictionary<(string Theme, string Value), int> ByThemeAndValue)
{
    public int Cell(string theme, string value) => ByThemeAndValue.TryGetValue((theme, value), out var n) ? n : 0;

    /// <param name="mergeBelow">Free-text values with fewer participants than this are merged into one "other" value (0: never).</param>
    public static DimensionTable From(ProfileQuestion question, IReadOnlyList<ProfileCellCounts> cells, int mergeBelow)
    {
        string ValueOf(ProfileCellCounts cell)
        {
            if (!cell.Profile.TryGetValue(question.Key, out var answer) || string.IsNullOrWhiteSpace(answer))
                return Breakdown.NotStated;
            return question.Choices.Count > 0 ? question.FindChoice(answer)?.Value ?? answer : answer.Trim();
        }

        var raw = cells.GroupBy(ValueOf, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var isFreeText = question.Choices.Count == 0;
        var rename = raw.Keys.ToDictionary(
            v => v,
            v => isFreeText && mergeBelow > 0 && v != Breakdown.NotStated && raw[v].Sum(c => c.Participants) < mergeBelow ? Breakdown.OtherValues : v,
            StringComparer.OrdinalIgnoreCase);

        var byValue = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byThemeAndValue = new Dictionary<(string, string), int>();
        foreach (var (value, group) in raw)
        {
            var name = rename[value];
            foreach (var cell in group)
            {
                byValue[name] = byValue.GetValueOrDefault(name) + cell.Participants;
                foreach (var (theme, count) in cell.Themes)
                    byThemeAndValue[(theme, name)] = byThemeAndValue.GetValueOrDefault((theme, name)) + count.Participants;
            }
        }

        // Choice questions list every choice (the set of choices is public anyway), in the campaign's order.
        var values = question.Choices.Select(c => c.Value)
            .Concat(byValue.Keys.Where(v => v != Breakdown.NotStated && v != Breakdown.OtherValues && !question.Choices.Any(c => string.Equals(c.Value, v, StringComparison.OrdinalIgnoreCase))).Order(StringComparer.Ordinal))
            .Append(Breakdown.OtherValues)
            .Append(Breakdown.NotStated)
            .Where(v => byValue.ContainsKey(v) || question.Choices.Any(c => c.Value == v) || v == Breakdown.NotStated)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        foreach (var value in values)
            byValue.TryAdd(value, 0);
        return new DimensionTable(question, values, byValue, byThemeAndValue);
    }
}

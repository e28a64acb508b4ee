namespace CitizenData.Feedback.Summaries;

/// <summary>
/// Decides which counts of a public summary are shown. Every count below the campaign's threshold k is hidden
/// (primary suppression), then more counts are hidden (complementary suppression) until no hidden count can be worked
/// out from what is shown. What a reader is assumed to know, per dimension table and for the theme list:
/// <list type="bullet">
/// <item>the total participants N and inputs I;</item>
/// <item>Σ over themes of participants ≥ N (everyone raised a theme) and ≤ I (each raised theme took an input);</item>
/// <item>per shown theme t and dimension: Σ over values of participants(t, v) = participants(t) (everyone has one value,
/// "not stated" included), and Σ over values of participants(v) = N;</item>
/// <item>participants(t, v) ≤ participants(v), and, when every theme is shown, Σ over themes of participants(t, v) ≥ participants(v).</item>
/// </list>
/// A hidden zero may be deducible (an empty group identifies nobody); a hidden count of one or more never is.
/// Themes below k are left out of the breakdowns altogether (their rows would be all small cells). The dimension tables
/// share only N and the shown theme totals, which are fixed, so each table is protected on its own.
/// </summary>
internal static class SmallCellSuppression
{
    public static PublishedCounts Apply(SummaryTables tables, int threshold)
    {
        if (tables.Participants < threshold || tables.Inputs < threshold)
            return PublishedCounts.Nothing;

        var themeModel = new DisclosureModel();
        var themeCells = tables.Themes.ToDictionary(t => t, t => themeModel.Add(tables.ByTheme[t].Participants), StringComparer.Ordinal);
        var themeTerms = themeCells.Values.Select(c => (c, 1)).ToList();
        themeModel.Constrain(themeTerms, ConstraintKind.AtLeast, tables.Participants, isLine: true);
        themeModel.Constrain(themeTerms, ConstraintKind.AtMost, tables.Inputs, isLine: false);
        foreach (var cell in themeCells.Values)
            themeModel.Constrain([(cell, 1)], ConstraintKind.AtMost, tables.Participants, isLine: false);
        if (!themeModel.SuppressBelow(threshold))
            return PublishedCounts.TotalsOnly;

        var shownThemes = tables.Themes.Where(t => !themeModel.IsHidden(themeCells[t])).ToList();
        var allThemesShown = shownThemes.Count == tables.Themes.Count;
        var dimensions = new Dictionary<string, DimensionMask>(StringComparer.Ordinal);
        foreach (var table in tables.Dimensions)
            dimensions[table.Question.Key] = SuppressDimension(table, shownThemes, allThemesShown, tables.Participants, tables.ByTheme, threshold);

        return new PublishedCounts(
            true,
            tables.Themes.Where(t => themeModel.IsHidden(themeCells[t])).ToHashSet(StringComparer.Ordinal),
            shownThemes,
            dimensions);
    }

    private static DimensionMask SuppressDimension(
        DimensionTable table,
        IReadOnlyList<string> shownThemes,
        bool allThemesShown,
        int participants,
        IReadOnlyDictionary<string, ThemeCount> byTheme,
        int threshold)
    {
        var model = new DisclosureModel();
        var valueCells = table.Values.ToDictionary(v => v, v => model.Add(table.ByValue[v]), StringComparer.OrdinalIgnoreCase);
        var cells = new Dictionary<(string, string), int>();
        foreach (var theme in shownThemes)
            foreach (var value in table.Values)
                cells[(theme, value)] = model.Add(table.Cell(theme, value));

        model.Constrain([.. valueCells.Values.Select(c => (c, 1))], ConstraintKind.Equal, participants, isLine: true);
        foreach (var theme in shownThemes)
            model.Constrain([.. table.Values.Select(v => (cells[(theme, v)], 1))], ConstraintKind.Equal, byTheme[theme].Participants, isLine: true);
        foreach (var value in table.Values)
        {
            foreach (var theme in shownThemes)
                model.Constrain([(cells[(theme, value)], 1), (valueCells[value], -1)], ConstraintKind.AtMost, 0, isLine: false);
            if (allThemesShown)
                model.Constrain([.. shownThemes.Select(t => (cells[(t, value)], 1)), (valueCells[value], -1)], ConstraintKind.AtLeast, 0, isLine: false);
        }

        if (!model.SuppressBelow(threshold))
            return DimensionMask.AllWithheld;
        return new DimensionMask(
            false,
            table.Values.Where(v => model.IsHidden(valueCells[v])).ToHashSet(StringComparer.OrdinalIgnoreCase),
            cells.Where(c => model.IsHidden(c.Value)).Select(c => c.Key).ToHashSet());
    }
}

/// <summary>Which counts a public summary shows.</summary>
internal sealed record PublishedCounts(
    bool Any,
    IReadOnlySet<string> HiddenThemes,
    IReadOnlyList<string> ShownThemes,
    IReadOnlyDictionary<string, DimensionMask> Dimensions)
{
    public static PublishedCounts Nothing { get; } = new(false, new HashSet<string>(), [], new Dictionary<string, DimensionMask>());

    /// <summary>Only N and I: the theme list itself could not be protected.</summary>
    public static PublishedCounts TotalsOnly { get; } = new(true, new HashSet<string>(), [], new Dictionary<string, DimensionMask>());
}

internal sealed record DimensionMask(bool Withheld, IReadOnlySet<string> HiddenValues, IReadOnlySet<(string Theme, string Value)> HiddenCells)
{
    public static DimensionMask AllWithheld { get; } = new(true, new HashSet<string>(), new HashSet<(string, string)>());
}

namespace CitizenData.Feedback.Privacy;

/// <summary>
/// Small-cell suppression for counts published from a campaign. Each <see cref="Table"/> is a cross-tabulation of
/// themes (rows) by the values of one dimension (columns), with its column totals; all tables share the theme totals
/// and the grand total. Every count below k is hidden (primary suppression), then, so a hidden count cannot be worked
/// out by subtraction, any line (a row with its total, a column with its total, the theme totals with the grand total,
/// a table's column totals with the grand total) with exactly one hidden count hides its smallest visible one as well
/// (complementary suppression), until no line has a lone hidden count.
/// </summary>
public static class SmallCellSuppression
{
    public sealed class Table(string dimension, IReadOnlyList<string> values, long[,] cells)
    {
        public string Dimension => dimension;
        public IReadOnlyList<string> Values => values;
        /// <summary>[theme, value].</summary>
        public long[,] Cells => cells;
        public bool[,] HiddenCells { get; } = new bool[cells.GetLength(0), cells.GetLength(1)];
        public bool[] HiddenColumnTotals { get; } = new bool[cells.GetLength(1)];

        public long ColumnTotal(int column) => Enumerable.Range(0, cells.GetLength(0)).Sum(row => cells[row, column]);
    }

    public sealed record Result(long[] ThemeTotals, bool[] HiddenThemeTotals, long GrandTotal, bool HiddenGrandTotal);

    public static Result Apply(long[] themeTotals, IReadOnlyList<Table> tables, int k)
    {
        ArgumentNullException.ThrowIfNull(themeTotals);
        ArgumentNullException.ThrowIfNull(tables);
        var grand = themeTotals.Sum();
        var hiddenThemes = themeTotals.Select(t => t < k).ToArray();
        var hiddenGrand = grand < k;
        foreach (var table in tables)
        {
            for (var row = 0; row < table.Cells.GetLength(0); row++)
                for (var column = 0; column < table.Cells.GetLength(1); column++)
                    table.HiddenCells[row, column] = table.Cells[row, column] < k;
            for (var column = 0; column < table.Values.Count; column++)
                table.HiddenColumnTotals[column] = table.ColumnTotal(column) < k;
        }

        var changed = true;
        while (changed)
        {
            changed = false;
            // Theme totals + grand total.
            changed |= ProtectLine(themeTotals.Length, i => themeTotals[i], i => hiddenThemes[i], i => hiddenThemes[i] = true, grand, ref hiddenGrand);
            foreach (var table in tables)
            {
                var rows = table.Cells.GetLength(0);
                var columns = table.Cells.GetLength(1);
                for (var row = 0; row < rows; row++)
                {
                    var r = row;
                    changed |= ProtectLine(columns, c => table.Cells[r, c], c => table.HiddenCells[r, c], c => table.HiddenCells[r, c] = true, themeTotals[r], ref hiddenThemes[r]);
                }
                for (var column = 0; column < columns; column++)
                {
                    var c = column;
                    changed |= ProtectLine(rows, r => table.Cells[r, c], r => table.HiddenCells[r, c], r => table.HiddenCells[r, c] = true, table.ColumnTotal(c), ref table.HiddenColumnTotals[c]);
                }
                changed |= ProtectLine(columns, table.ColumnTotal, c => table.HiddenColumnTotals[c], c => table.HiddenColumnTotals[c] = true, grand, ref hiddenGrand);
            }
        }
        return new Result(themeTotals, hiddenThemes, grand, hiddenGrand);
    }

    /// <summary>A line of parts that add up to a total. With exactly one hidden member, hides one more.</summary>
    private static bool ProtectLine(int count, Func<int, long> value, Func<int, bool> hidden, Action<int> hide, long total, ref bool totalHidden)
    {
        var hiddenParts = Enumerable.Range(0, count).Count(hidden);
        if (hiddenParts + (totalHidden ? 1 : 0) != 1)
            return false;
        var visible = Enumerable.Range(0, count).Where(i => !hidden(i)).OrderBy(value).ToList();
        if (visible.Count > 0)
        {
            hide(visible[0]);
            return true;
        }
        // A line without parts (a dimension nobody answered) whose total is hidden: nothing to subtract, nothing to
        // hide. Reporting a change here would repeat the pass forever.
        if (totalHidden)
            return false;
        totalHidden = true;
        return true;
    }
}

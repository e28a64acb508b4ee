using CitizenData.Feedback.Privacy;

namespace CitizenData.Feedback.Tests.Privacy;

public sealed class SmallCellSuppressionTests
{
    [Fact]
    public void A_lone_small_cell_takes_a_complementary_cell_with_it_in_its_row_and_column()
    {
        // themes × two locations; k = 10. Only [0,1] = 4 is small.
        var cells = new long[,] { { 30, 4 }, { 20, 25 } };
        var table = new SmallCellSuppression.Table("location", ["A", "B"], cells);

        var result = SmallCellSuppression.Apply([34, 45], [table], 10);

        Assert.True(table.HiddenCells[0, 1]);
        Assert.True(table.HiddenCells[0, 0]); // else 34 − 30 gives the hidden 4
        Assert.True(table.HiddenCells[1, 1]); // else 29 − 25 gives it
        Assert.True(table.HiddenCells[1, 0]);
        Assert.False(result.HiddenThemeTotals[0]);
        Assert.False(result.HiddenGrandTotal);
    }

    [Fact]
    public async Task A_campaign_without_inputs_is_suppressed_whole_and_the_method_ends()
    {
        // No submissions: no values in the dimension, every total zero. This once looped forever (a public export of a
        // new campaign spun a CPU): the empty line with its hidden total counted as a change on every pass.
        var table = new SmallCellSuppression.Table("location", [], new long[3, 0]);

        // A liveness bound, not a timing: the method takes microseconds; the old loop never ended.
        var result = await Task.Run(() => SmallCellSuppression.Apply([0, 0, 0], [table], 10)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.HiddenGrandTotal);
        Assert.All(result.HiddenThemeTotals, Assert.True);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void No_published_count_is_below_k_and_no_line_has_a_lone_hidden_count(int seed)
    {
        var random = new Random(seed);
        const int k = 10;
        var themes = random.Next(2, 8);
        var tables = Enumerable.Range(0, random.Next(1, 4)).Select(t =>
        {
            var values = random.Next(1, 6);
            return (Values: values, Assignment: Enumerable.Range(0, 400).Select(_ => random.Next(values)).ToArray());
        }).ToList();
        var themeOf = Enumerable.Range(0, 400).Select(_ => (int)Math.Floor(Math.Pow(random.NextDouble(), 2) * themes)).ToArray();
        var themeTotals = new long[themes];
        foreach (var theme in themeOf)
            themeTotals[theme]++;
        var built = tables.Select((t, i) =>
        {
            var cells = new long[themes, t.Values];
            for (var s = 0; s < themeOf.Length; s++)
                cells[themeOf[s], t.Assignment[s]]++;
            return new SmallCellSuppression.Table("d" + i, Enumerable.Range(0, t.Values).Select(v => "v" + v).ToList(), cells);
        }).ToList();

        var result = SmallCellSuppression.Apply(themeTotals, built, k);

        void Line(IEnumerable<(long Value, bool Hidden)> members)
        {
            var list = members.ToList();
            Assert.All(list.Where(m => !m.Hidden), m => Assert.True(m.Value >= k));
            Assert.NotEqual(1, list.Count(m => m.Hidden));
        }
        Line(themeTotals.Select((t, i) => (t, result.HiddenThemeTotals[i])).Append((result.GrandTotal, result.HiddenGrandTotal)));
        foreach (var table in built)
        {
            for (var r = 0; r < themes; r++)
                Line(Enumerable.Range(0, table.Values.Count).Select(c => (table.Cells[r, c], table.HiddenCells[r, c])).Append((themeTotals[r], result.HiddenThemeTotals[r])));
            for (var c = 0; c < table.Values.Count; c++)
                Line(Enumerable.Range(0, themes).Select(r => (table.Cells[r, c], table.HiddenCells[r, c])).Append((table.ColumnTotal(c), table.HiddenColumnTotals[c])));
            Line(Enumerable.Range(0, table.Values.Count).Select(c => (table.ColumnTotal(c), table.HiddenColumnTotals[c])).Append((result.GrandTotal, result.HiddenGrandTotal)));
        }
    }
}

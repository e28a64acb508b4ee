using CitizenData.Feedback.Summaries;

namespace CitizenData.Feedback.Tests.Summaries;

/// <summary>
/// Someone who reads a public summary and tries to work out a hidden count: every published number, every fact that
/// ties them together (a theme's participants add up over a dimension's values, the values add up to everyone, a cell
/// is at most its row and column totals, everyone raised a theme, every raised theme took an input), and bounds
/// propagation to a fixpoint. A hidden count whose lower and upper bounds meet is disclosed.
/// Written independently of the engine's own check (which looks for an alternative table instead).
/// </summary>
internal sealed class Attacker
{
    private readonly Dictionary<string, (long Lo, long Hi)> bounds = [];
    private readonly List<(IReadOnlyList<(string Var, int Sign)> Terms, char Op, long Constant)> facts = [];

    public Attacker(CampaignSummary summary)
    {
        var n = summary.Participants!.Value;
        var inputs = summary.Inputs!.Value;
        string ThemeVar(string theme) => "T:" + theme;
        foreach (var theme in summary.Themes)
            Known(ThemeVar(theme.Theme), theme.Participants, n);
        var themeTerms = summary.Themes.Select(t => (ThemeVar(t.Theme), 1)).ToList();
        Fact(themeTerms, '≥', n);
        Fact(themeTerms, '≤', inputs);

        var allThemesShown = summary.Themes.All(t => t.Participants is not null);
        foreach (var breakdown in summary.Breakdowns.Where(b => !b.Withheld))
        {
            string ValueVar(string v) => $"V:{breakdown.Dimension}:{v}";
            string CellVar(string t, string v) => $"C:{breakdown.Dimension}:{t}:{v}";
            foreach (var value in breakdown.Values)
                Known(ValueVar(value.Value), value.Participants, n);
            foreach (var cell in breakdown.Cells)
            {
                Known(CellVar(cell.Theme, cell.Value), cell.Participants, n);
                Fact([(CellVar(cell.Theme, cell.Value), 1), (ValueVar(cell.Value), -1)], '≤', 0);
                Fact([(CellVar(cell.Theme, cell.Value), 1), (ThemeVar(cell.Theme), -1)], '≤', 0);
            }
            Fact([.. breakdown.Values.Select(v => (ValueVar(v.Value), 1))], '=', n);
            foreach (var row in breakdown.Cells.GroupBy(c => c.Theme))
                Fact([.. row.Select(c => (CellVar(c.Theme, c.Value), 1)), (ThemeVar(row.Key), -1)], '=', 0);
            if (allThemesShown)
                foreach (var column in breakdown.Cells.GroupBy(c => c.Value))
                    Fact([.. column.Select(c => (CellVar(c.Theme, c.Value), 1)), (ValueVar(column.Key), -1)], '≥', 0);
        }
    }

    /// <summary>Hidden counts the attacker pinned down, with their value.</summary>
    public IReadOnlyList<(string Name, long Value)> Disclosed(IReadOnlySet<string> hidden)
    {
        Propagate();
        return [.. hidden.Where(h => bounds[h].Lo == bounds[h].Hi).Select(h => (h, bounds[h].Lo))];
    }

    public (long Lo, long Hi) Bounds(string name) => bounds[name];

    private void Known(string name, int? value, int n) => bounds[name] = value is { } v ? (v, v) : (0, n);

    private void Fact(IReadOnlyList<(string, int)> terms, char op, long constant) => facts.Add((terms, op, constant));

    private void Propagate()
    {
        for (var round = 0; round < 200; round++)
        {
            var changed = false;
            foreach (var (terms, op, constant) in facts)
            {
                foreach (var (name, sign) in terms)
                {
                    // Σ others' contribution range, then what this term must be for the fact to hold.
                    long othersLo = 0, othersHi = 0;
                    foreach (var (other, s) in terms)
                    {
                        if (other == name)
                            continue;
                        var (lo, hi) = bounds[other];
                        othersLo += s > 0 ? lo : -hi;
                        othersHi += s > 0 ? hi : -lo;
                    }
                    // sign·x (op) constant − others
                    long termLo = long.MinValue, termHi = long.MaxValue;
                    if (op is '=' or '≤')
                        termHi = constant - othersLo;
                    if (op is '=' or '≥')
                        termLo = constant - othersHi;
                    var (cur, curHi) = bounds[name];
                    long newLo = cur, newHi = curHi;
                    if (sign > 0)
                    {
                        newLo = Math.Max(cur, termLo);
                        newHi = Math.Min(curHi, termHi);
                    }
                    else
                    {
                        if (termHi != long.MaxValue)
                            newLo = Math.Max(cur, -termHi);
                        if (termLo != long.MinValue)
                            newHi = Math.Min(curHi, -termLo);
                    }
                    if (newLo != cur || newHi != curHi)
                    {
                        bounds[name] = (newLo, newHi);
                        changed = true;
                    }
                }
            }
            if (!changed)
                return;
        }
    }
}

namespace CitizenData.Feedback.Summaries;

/// <summary>
/// Published counts and what a reader knows ties them together: linear equalities and inequalities (a theme's
/// participants are the sum over a dimension's values; a cell is at most its value's total; …). Used to decide which
/// counts to hide so that no hidden one can be worked out from the shown ones.
/// </summary>
/// <remarks>
/// Zero counts are hidden like every count under k, but knowing that a group is empty identifies nobody, so only
/// non-zero hidden counts must be protected.
/// A hidden count is protected when the model holds a different table, consistent with every shown number and every
/// constraint, in which that count differs. <see cref="IsProtected"/> looks for one by moving one unit into or out of
/// the hidden count and mending what that breaks by moving up to three other hidden counts. That is a sufficient
/// condition (the alternative table is exhibited), so the answer
/// "protected" is a proof; "not protected" may be too cautious, which only hides more.
/// </remarks>
internal sealed class DisclosureModel
{
    private readonly List<long> values = [];
    private readonly List<bool> hidden = [];
    private readonly List<Constraint> constraints = [];
    private readonly List<List<int>> constraintsOf = [];

    public int Count => values.Count;

    public int Add(long value)
    {
        values.Add(value);
        hidden.Add(false);
        constraintsOf.Add([]);
        return values.Count - 1;
    }

    public long Value(int cell) => values[cell];

    public bool IsHidden(int cell) => hidden[cell];

    public void Hide(int cell) => hidden[cell] = true;

    /// <summary>Σ coefficient·cell (kind) constant. A "line" is a set of counts whose hidden members need company.</summary>
    public void Constrain(IReadOnlyList<(int Cell, int Coefficient)> terms, ConstraintKind kind, long constant, bool isLine)
    {
        var index = constraints.Count;
        constraints.Add(new Constraint([.. terms], kind, constant, isLine));
        foreach (var (cell, _) in terms)
            constraintsOf[cell].Add(index);
    }

    /// <summary>Hides every count below <paramref name="threshold"/>, then adds complementary hiding until every hidden count is protected.</summary>
    /// <returns>False when no pattern short of hiding everything protects the cells.</returns>
    public bool SuppressBelow(int threshold)
    {
        for (var cell = 0; cell < Count; cell++)
            if (values[cell] < threshold)
                hidden[cell] = true;

        for (var round = 0; round < Count + 1; round++)
        {
            var changed = CompleteLines();
            // An empty group identifies nobody: a hidden zero is hidden (it is under k) but need not be protected.
            var exposed = Enumerable.Range(0, Count).Where(c => hidden[c] && values[c] > 0 && !IsProtected(c)).ToList();
            if (exposed.Count == 0 && !changed)
                return true;
            foreach (var cell in exposed)
                foreach (var line in constraintsOf[cell].Select(i => constraints[i]).Where(c => c.IsLine))
                    changed |= HideCheapest(line);
            if (exposed.Count > 0 && !changed)
                return false;
        }
        return false;
    }

    /// <summary>A line with exactly one hidden count gives it away by subtraction: hide a second one (unless it is zero).</summary>
    private bool CompleteLines()
    {
        var changed = false;
        bool again;
        do
        {
            again = false;
            foreach (var line in constraints.Where(c => c.IsLine))
                if (line.Terms.Where(t => hidden[t.Cell]).Select(t => values[t.Cell]).ToList() is [> 0] && HideCheapest(line))
                    again = changed = true;
        }
        while (again);
        return changed;
    }

    /// <summary>Hides the smallest shown non-zero count of the line (a zero partner would not blur anything).</summary>
    private bool HideCheapest(Constraint line)
    {
        var candidates = line.Terms.Select(t => t.Cell).Where(c => !hidden[c]).ToList();
        if (candidates.Count == 0)
            return false;
        var pick = candidates.Where(c => values[c] > 0).OrderBy(c => values[c]).Cast<int?>().FirstOrDefault()
            ?? candidates.OrderBy(c => values[c]).First();
        hidden[pick] = true;
        return true;
    }

    /// <summary>Moves of one unit in at most this many hidden counts at once are tried (a cycle through a 2-D table needs 4).</summary>
    private const int MaxMoved = 4;

    public bool IsProtected(int cell)
    {
        foreach (var delta in new[] { 1, -1 })
        {
            var change = new Dictionary<int, int> { [cell] = delta };
            if (values[cell] + delta >= 0 && Repair(change))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Depth-first: finds a constraint the change breaks and tries to mend it by moving one more hidden count the way
    /// that constraint needs, until nothing is broken (an alternative table exists) or too many counts moved.
    /// </summary>
    private bool Repair(Dictionary<int, int> change)
    {
        if (Broken(change) is not { } broken)
            return true;
        if (change.Count >= MaxMoved)
            return false;
        var (constraint, excess) = broken;
        foreach (var (other, coefficient) in constraint.Terms)
        {
            if (!hidden[other] || change.ContainsKey(other))
                continue;
            // Move it so that coefficient·delta has the opposite sign of the excess.
            var delta = excess > 0 ? -coefficient : coefficient;
            if (values[other] + delta < 0)
                continue;
            change[other] = delta;
            if (Repair(change))
                return true;
            change.Remove(other);
        }
        return false;
    }

    /// <summary>The first constraint the change breaks, and by how much its left side is too big (positive) or small.</summary>
    private (Constraint Constraint, long Excess)? Broken(Dictionary<int, int> change)
    {
        foreach (var index in change.Keys.SelectMany(c => constraintsOf[c]).Distinct())
        {
            var constraint = constraints[index];
            long sum = 0;
            foreach (var (cell, coefficient) in constraint.Terms)
                sum += coefficient * (values[cell] + change.GetValueOrDefault(cell));
            var excess = sum - constraint.Constant;
            var holds = constraint.Kind switch
            {
                ConstraintKind.Equal => excess == 0,
                ConstraintKind.AtLeast => excess >= 0,
                _ => excess <= 0,
            };
            if (!holds)
                return (constraint, excess);
        }
        return null;
    }

    private sealed record Constraint(IReadOnlyList<(int Cell, int Coefficient)> Terms, ConstraintKind Kind, long Constant, bool IsLine);
}

internal enum ConstraintKind
{
    Equal,
    AtLeast,
    AtMost,
}

namespace CitizenData.Feedback.Themes.Evaluation;

/// <summary>How well predicted themes match the true ones on a test set.</summary>
/// <param name="Themes">Row and column order of <paramref name="Confusion"/>: the test set's themes, then any other predicted ones.</param>
/// <param name="Confusion">Confusion[actual][predicted] counts.</param>
/// <param name="PerTheme">Precision, recall and F1 of each theme the test set contains.</param>
/// <param name="FoldMacroF1">Macro-F1 of each fold when the figures come from cross-validation; empty otherwise.</param>
public sealed record ThemeEvaluation(
    int Examples,
    double Accuracy,
    double MacroF1,
    double WeightedF1,
    IReadOnlyList<ThemeQuality> PerTheme,
    IReadOnlyList<string> Themes,
    IReadOnlyList<IReadOnlyList<int>> Confusion,
    IReadOnlyList<double> FoldMacroF1)
{
    /// <summary>
    /// Scores predictions against the truth. Macro- and weighted-F1 average over the themes present in the truth: a theme
    /// the test set lacks has no recall to measure, and predicting it is already counted against the true theme's recall.
    /// </summary>
    public static ThemeEvaluation FromPredictions(IReadOnlyList<string> actual, IReadOnlyList<string> predicted, IReadOnlyList<double>? foldMacroF1 = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count != predicted.Count)
            throw new ArgumentException("Actual and predicted themes differ in number.", nameof(predicted));
        var present = actual.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var themes = present.Concat(predicted.Distinct(StringComparer.Ordinal).Except(present, StringComparer.Ordinal).Order(StringComparer.Ordinal)).ToList();
        var index = themes.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var confusion = themes.Select(_ => new int[themes.Count]).ToArray();
        for (var i = 0; i < actual.Count; i++)
            confusion[index[actual[i]]][index[predicted[i]]]++;

        var perTheme = present.Select(theme =>
        {
            var k = index[theme];
            var truePositives = confusion[k][k];
            var support = confusion[k].Sum();
            var predictedCount = confusion.Sum(row => row[k]);
            var precision = predictedCount == 0 ? 0 : (double)truePositives / predictedCount;
            var recall = support == 0 ? 0 : (double)truePositives / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ThemeQuality(theme, precision, recall, f1, support);
        }).ToList();

        var total = actual.Count;
        var correct = Enumerable.Range(0, themes.Count).Sum(k => confusion[k][k]);
        return new ThemeEvaluation(
            total,
            total == 0 ? 0 : (double)correct / total,
            perTheme.Count == 0 ? 0 : perTheme.Average(q => q.F1),
            total == 0 ? 0 : perTheme.Sum(q => q.F1 * q.Support) / total,
            perTheme,
            themes,
            confusion,
            foldMacroF1 ?? []);
    }
}

public sealed record ThemeQuality(string Theme, double Precision, double Recall, double F1, int Support);

using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Feedback.Themes.Evaluation;

/// <summary>Measures theme models: on a test set, or by stratified k-fold cross-validation of a training recipe.</summary>
public static class ThemeEvaluator
{
    public static ThemeEvaluation Evaluate(ThemeModel model, IReadOnlyList<LabelledText> test)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        return ThemeEvaluation.FromPredictions(test.Select(e => e.Theme).ToList(), Predict(model, test));
    }

    /// <summary>
    /// Splits the examples into <paramref name="folds"/> stratified folds (deterministically, from the options' seed),
    /// trains on all but one fold and predicts it, for each fold; the figures are over all the pooled predictions, with
    /// each fold's macro-F1 alongside.
    /// </summary>
    /// <param name="alwaysTrainOn">Examples added to every fold's training set and never tested on (the seed examples,
    /// as the product's retraining always learns from them too).</param>
    public static ThemeEvaluation CrossValidate(IReadOnlyList<LabelledText> examples, int folds, ThemeTrainerOptions? options = null, IReadOnlyList<LabelledText>? alwaysTrainOn = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        options ??= ThemeTrainerOptions.Default;
        var fold = AssignFolds(examples, folds, options.Seed);
        var predicted = new string[examples.Count];
        var foldMacroF1 = new List<double>();
        for (var f = 0; f < folds; f++)
        {
            var train = examples.Where((_, i) => fold[i] != f).Concat(alwaysTrainOn ?? []).ToList();
            var testIndexes = Enumerable.Range(0, examples.Count).Where(i => fold[i] == f).ToList();
            if (testIndexes.Count == 0)
                continue;
            var test = testIndexes.Select(i => examples[i]).ToList();
            var model = ThemeTrainer.Train(train, $"cv-{f}", options);
            var foldPredictions = Predict(model, test);
            for (var j = 0; j < testIndexes.Count; j++)
                predicted[testIndexes[j]] = foldPredictions[j];
            foldMacroF1.Add(ThemeEvaluation.FromPredictions(test.Select(e => e.Theme).ToList(), foldPredictions).MacroF1);
        }
        return ThemeEvaluation.FromPredictions(examples.Select(e => e.Theme).ToList(), predicted, foldMacroF1);
    }

    public static IReadOnlyList<string> Predict(ThemeModel model, IReadOnlyList<LabelledText> examples)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(examples);
        var scores = model.ScoreMany(examples.Select(e => TextNormaliser.Normalise(e.Text)));
        return scores.Select(s => model.Themes[ArgMax(s)]).ToList();
    }

    /// <summary>Stratified: each theme's examples are shuffled and dealt round-robin, so every fold sees every theme.</summary>
    internal static int[] AssignFolds(IReadOnlyList<LabelledText> examples, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[examples.Count];
        var next = 0;
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Theme, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var indexes = group.ToArray();
            random.Shuffle(indexes);
            foreach (var i in indexes)
                fold[i] = next++ % folds;
        }
        return fold;
    }

    internal static int ArgMax(float[] scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
            if (scores[i] > scores[best])
                best = i;
        return best;
    }
}

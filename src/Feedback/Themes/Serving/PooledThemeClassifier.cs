using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Feedback.Themes.Serving;

/// <summary>
/// Serves the current theme model to many threads at once. Each prediction borrows a <c>PredictionEngine</c> from the
/// model's pool (an engine is not thread-safe); <see cref="Swap"/> replaces model and pool in one reference write, so a
/// request that started on the old model finishes on it and none is dropped.
/// </summary>
public sealed class PooledThemeClassifier : IThemeClassifier
{
    public const int TopCount = 3;

    private ServingModel? current;

    public PooledThemeClassifier()
    {
    }

    public PooledThemeClassifier(ThemeModel model) => Swap(model);

    /// <summary>The version being served, or null before the first model arrives.</summary>
    public string? ModelVersion => Volatile.Read(ref current)?.Model.Version;

    /// <summary>Serves <paramref name="model"/> from now on; returns the model it replaced.</summary>
    public ThemeModel? Swap(ThemeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Interlocked.Exchange(ref current, new ServingModel(model))?.Model;
    }

    /// <summary>
    /// The campaign's themes that the model knows, most likely first, with probabilities renormalised over them.
    /// Unclassified when no model is loaded, the text has no words, or the model knows none of the campaign's themes.
    /// </summary>
    public ThemePrediction Classify(string text, string campaignCode, ThemeTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var serving = Volatile.Read(ref current);
        if (serving is null)
            return ThemePrediction.Unclassified;
        var normalised = TextNormaliser.Normalise(text);
        if (normalised.Length == 0)
            return ThemePrediction.Unclassified;
        var slots = serving.SlotsOf(taxonomy);
        if (slots.Length == 0)
            return ThemePrediction.Unclassified;
        var scores = serving.Score(normalised);
        return new ThemePrediction(Top(scores, slots, serving.Model.Themes), serving.Model.Version);
    }

    private static List<ThemeScore> Top(float[] scores, int[] slots, IReadOnlyList<string> themes)
    {
        double total = 0;
        foreach (var slot in slots)
            total += Math.Max(0, scores[slot]);
        var ranked = slots.OrderByDescending(slot => scores[slot]).ThenBy(slot => themes[slot], StringComparer.Ordinal).Take(TopCount);
        return [.. ranked.Select(slot => new ThemeScore(themes[slot], total > 0 ? Math.Max(0, scores[slot]) / total : 1.0 / slots.Length))];
    }
}

using System.Runtime.CompilerServices;
using CitizenData.Feedback.Themes.Training;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace CitizenData.Feedback.Themes.Serving;

/// <summary>One model with its own pool of prediction engines, as <see cref="PooledThemeClassifier"/> swaps them.</summary>
internal sealed class ServingModel
{
    private readonly ObjectPool<PredictionEngine<ThemeModelInput, ThemeModelOutput>> engines;
    private readonly ConditionalWeakTable<ThemeTaxonomy, int[]> slotsByTaxonomy = [];

    public ServingModel(ThemeModel model)
    {
        Model = model;
        // Not a disposable pool on purpose: a swapped-out pool is left to the garbage collector, so a request still
        // holding one of its engines can return it safely.
        engines = new DefaultObjectPool<PredictionEngine<ThemeModelInput, ThemeModelOutput>>(new EnginePolicy(model), Environment.ProcessorCount * 2);
    }

    public ThemeModel Model { get; }

    public float[] Score(string normalisedText)
    {
        var engine = engines.Get();
        try
        {
            // The engine reuses its output row: copy the scores out before the engine goes back to the pool.
            var output = engine.Predict(new ThemeModelInput { Text = normalisedText });
            return [.. output.Score];
        }
        finally
        {
            engines.Return(engine);
        }
    }

    /// <summary>The score slots of the model's themes that the taxonomy has, computed once per taxonomy instance.</summary>
    public int[] SlotsOf(ThemeTaxonomy taxonomy) =>
        slotsByTaxonomy.GetValue(taxonomy, t =>
            [.. Enumerable.Range(0, Model.Themes.Count).Where(slot => t.Contains(Model.Themes[slot]))]);

    private sealed class EnginePolicy(ThemeModel model) : PooledObjectPolicy<PredictionEngine<ThemeModelInput, ThemeModelOutput>>
    {
        public override PredictionEngine<ThemeModelInput, ThemeModelOutput> Create() => model.CreateEngine();

        public override bool Return(PredictionEngine<ThemeModelInput, ThemeModelOutput> obj) => true;
    }
}

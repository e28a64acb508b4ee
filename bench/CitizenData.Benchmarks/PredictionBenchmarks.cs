using BenchmarkDotNet.Attributes;
using CitizenData.Feedback.Themes;
using CitizenData.Feedback.Themes.Serving;
using CitizenData.Feedback.Themes.Training;
using Microsoft.ML;

namespace CitizenData.Benchmarks;

/// <summary>
/// Predictions per second on the default model: a raw PredictionEngine per thread (the ceiling), the same engines
/// borrowed from the serving pool, and the whole <see cref="PooledThemeClassifier.Classify"/> (normalisation, pool,
/// top-3 over the campaign's themes). Each invocation makes <see cref="Batch"/> predictions split over the threads.
/// </summary>
[MemoryDiagnoser]
public class PredictionBenchmarks
{
    private const int Batch = 4_000;

    private ThemeModel model = null!;
    private ServingModel serving = null!;
    private PooledThemeClassifier classifier = null!;
    private ThemeTaxonomy taxonomy = null!;
    private PredictionEngine<ThemeModelInput, ThemeModelOutput>[] engines = null!;
    private string[] texts = null!;
    private string[] normalised = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        model = DefaultThemeModel.Train();
        serving = new ServingModel(model);
        classifier = new PooledThemeClassifier(model);
        taxonomy = new ThemeTaxonomy([.. DefaultTaxonomy.Keys.Select(k => new Theme { Key = k, Names = new Dictionary<string, string> { ["en"] = k } })]);
        engines = [.. Enumerable.Range(0, Threads).Select(_ => model.CreateEngine())];
        texts = [.. SyntheticExamples.Make(Batch, seed: 11).Select(e => e.Text)];
        normalised = [.. texts.Select(TextNormaliser.Normalise)];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public void RawEngine() => Split((thread, i) => engines[thread].Predict(new ThemeModelInput { Text = normalised[i] }));

    [Benchmark(OperationsPerInvoke = Batch)]
    public void PooledEngine() => Split((_, i) => serving.Score(normalised[i]));

    [Benchmark(OperationsPerInvoke = Batch)]
    public void Classify() => Split((_, i) => classifier.Classify(texts[i], "community", taxonomy));

    private void Split(Action<int, int> predict)
    {
        if (Threads == 1)
        {
            for (var i = 0; i < Batch; i++)
                predict(0, i);
            return;
        }
        var share = Batch / Threads;
        var workers = new Thread[Threads];
        for (var t = 0; t < Threads; t++)
        {
            var thread = t;
            workers[t] = new Thread(() =>
            {
                for (var i = thread * share; i < (thread + 1) * share; i++)
                    predict(thread, i);
            });
            workers[t].Start();
        }
        foreach (var worker in workers)
            worker.Join();
    }
}

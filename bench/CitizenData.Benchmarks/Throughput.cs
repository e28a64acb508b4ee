using System.Diagnostics;
using System.Globalization;
using CitizenData.Feedback.Themes;
using CitizenData.Feedback.Themes.Serving;
using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Benchmarks;

/// <summary>
/// Predictions per second on 1 and 2 threads, raw engine vs pool vs the whole Classify, by wall clock and per CPU
/// second. The CPU figure stays meaningful on a machine shared with other work, where BenchmarkDotNet's wall-clock
/// figures measure the neighbours too.
/// </summary>
public static class Throughput
{
    public static int Run(string[] args)
    {
        var perThread = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        var model = DefaultThemeModel.Train();
        var serving = new ServingModel(model);
        var classifier = new PooledThemeClassifier(model);
        var taxonomy = new ThemeTaxonomy([.. DefaultTaxonomy.Keys.Select(k => new Theme { Key = k, Names = new Dictionary<string, string> { ["en"] = k } })]);
        var texts = SyntheticExamples.Make(10_000, seed: 11).Select(e => e.Text).ToArray();
        var normalised = texts.Select(TextNormaliser.Normalise).ToArray();
        foreach (var threads in new[] { 1, 2 })
        {
            var engines = Enumerable.Range(0, threads).Select(_ => model.CreateEngine()).ToArray();
            Measure("raw engine", threads, perThread, (t, i) => engines[t].Predict(new ThemeModelInput { Text = normalised[i % normalised.Length] }));
            Measure("pooled engine", threads, perThread, (_, i) => serving.Score(normalised[i % normalised.Length]));
            Measure("Classify", threads, perThread, (_, i) => classifier.Classify(texts[i % texts.Length], "community", taxonomy));
        }
        return 0;
    }

    private static void Measure(string name, int threads, int perThread, Action<int, int> predict)
    {
        Run(threads, 20_000, predict); // warm up: tiered JIT settles
        double bestWall = 0, bestCpu = 0;
        // Best of three: interference from other work on the machine only ever slows a run down.
        for (var round = 0; round < 3; round++)
        {
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            Run(threads, perThread, predict);
            stopwatch.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var total = (double)threads * perThread;
            bestWall = Math.Max(bestWall, total / stopwatch.Elapsed.TotalSeconds);
            bestCpu = Math.Max(bestCpu, total / cpu);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-14} {threads} thread(s): {bestWall,9:N0} predictions/s wall, {bestCpu,9:N0} per CPU-second (best of 3)"));
    }

    private static void Run(int threads, int perThread, Action<int, int> predict)
    {
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (var i = 0; i < perThread; i++)
                predict(t, t * perThread + i);
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
    }
}

using System.Diagnostics;
using System.Globalization;
using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Benchmarks;

/// <summary>Training time and peak memory of the shipped pipeline at the given numbers of synthetic examples.</summary>
public static class TrainingScale
{
    public static int Run(string[] sizes)
    {
        foreach (var size in sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
        {
            var examples = SyntheticExamples.Make(size);
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var model = ThemeTrainer.Train(examples, "bench");
            stopwatch.Stop();
            process.Refresh();
            // CPU time as well as wall time: on a shared machine the wall clock measures the neighbours too.
            var cpu = process.TotalProcessorTime - cpuBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size} examples: trained in {stopwatch.Elapsed.TotalSeconds:0.0} s ({cpu.TotalSeconds:0.0} s of CPU), peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB, model {model.ToBytes().Length / 1024} KB ({ThemeTrainerOptions.Default.Describe()})"));
        }
        return 0;
    }
}

using BenchmarkDotNet.Running;
using CitizenData.Benchmarks;

// `dotnet run -c Release --project bench/CitizenData.Benchmarks -- [--filter *Prediction*]` runs BenchmarkDotNet;
// `… -- training N [N …]` trains once per size in this process and prints time and peak memory (one size per process
// gives a clean peak figure).
if (args.Length > 0 && args[0] == "training")
    return TrainingScale.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(PredictionBenchmarks).Assembly).Run(args);
return 0;

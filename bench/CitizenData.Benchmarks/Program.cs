using BenchmarkDotNet.Running;
using CitizenData.Benchmarks;

// `dotnet run -c Release --project bench/CitizenData.Benchmarks -- [--filter *Prediction*]` runs BenchmarkDotNet;
// `… -- training N [N …]` trains once per size in this process and prints time and peak memory (one size per process
// gives a clean peak figure); `… -- throughput [N]` measures predictions/s by wall clock and per CPU second.
if (args.Length > 0 && args[0] == "training")
    return TrainingScale.Run(args[1..]);
if (args.Length > 0 && args[0] == "throughput")
    return Throughput.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(PredictionBenchmarks).Assembly).Run(args);
return 0;

using CitizenData.SummaryBench;

// dotnet run -c Release --project bench/CitizenData.SummaryBench -- [summary [SUBMISSIONS]] [broadcast [PARTICIPANTS] [SECONDS]]
// Prints figures against a baseline measured in the same run; never asserts timings.
var runSummary = args.Length == 0 || args.Contains("summary");
var runBroadcast = args.Length == 0 || args.Contains("broadcast");
int Arg(string name, int index, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + index < args.Length && int.TryParse(args[at + index], out var value) ? value : fallback;
}

if (runSummary)
    await SummaryScenario.RunAsync(Arg("summary", 1, 1_000_000));
if (runBroadcast)
    await BroadcastScenario.RunAsync(Arg("broadcast", 1, 100_000), Arg("broadcast", 2, 40));
return 0;

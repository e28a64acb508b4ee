using CitizenData.LoadTests;

// dotnet run -c Release --project bench/CitizenData.LoadTests -- [--updates N] [--residents R] [--concurrency C]
return await WebhookIngestBenchmark.RunAsync(LoadOptions.Parse(args));

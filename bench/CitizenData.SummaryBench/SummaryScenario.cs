using System.Diagnostics;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Storage.Sqlite;
using CitizenData.Feedback.Summaries;
using CitizenData.Feedback.Themes;
using Microsoft.Data.Sqlite;

namespace CitizenData.SummaryBench;

/// <summary>
/// The summary of a million submissions on SQLite, against a plain SQL GROUP BY theme over the same rows, in the same
/// run and on the same warm database.
/// </summary>
internal static class SummaryScenario
{
    private const int Runs = 5;

    public static async Task RunAsync(int submissions)
    {
        var participants = Math.Max(1, submissions / 10);
        var folder = Directory.CreateTempSubdirectory("citizendata-summarybench-");
        var path = Path.Combine(folder.FullName, "bench.db");
        try
        {
            var storage = new SqliteFeedbackStorage(path);
            await storage.MigrateAsync();
            var campaign = await storage.Campaigns.SaveAsync(Campaign());
            var seeding = Stopwatch.StartNew();
            var seeded = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);
            await Seeding.SeedAsync(path, campaign.Code, "telegram", participants, submissions, seeded);
            Console.WriteLine($"Summary benchmark: {submissions:N0} submissions from {participants:N0} participants, seeded in {seeding.Elapsed.TotalSeconds:0.0} s ({new FileInfo(path).Length / 1048576.0:0} MB).");

            var builder = new SummaryBuilder(storage.Summaries);
            var baseline = await MedianAsync(() => PlainGroupByAsync(path, campaign.Code));
            var counts = await MedianAsync(() => storage.Summaries.CountAsync(campaign.Code, null, null, 0.5));
            var publicSummary = await MedianAsync(() => builder.BuildAsync(campaign, null, null, SummaryAudience.Public));
            var internalSummary = await MedianAsync(() => builder.BuildAsync(campaign, null, null, SummaryAudience.Internal));
            var from = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
            var period = await MedianAsync(() => builder.BuildAsync(campaign, from, from.AddDays(30), SummaryAudience.Public));
            var activity = await MedianAsync(() => storage.Summaries.ActivityAsync(campaign.Code, null, null));
            var activityWeek = await MedianAsync(() => storage.Summaries.ActivityAsync(campaign.Code, seeded, seeded.AddDays(7)));

            var summary = await builder.BuildAsync(campaign, null, null, SummaryAudience.Public);
            var hidden = summary.Themes.Count(t => t.Participants is null) + summary.Breakdowns.Sum(b => b.Cells.Count(c => c.Participants is null) + b.Values.Count(v => v.Participants is null));
            var shown = summary.Themes.Count(t => t.Participants is not null) + summary.Breakdowns.Sum(b => b.Cells.Count(c => c.Participants is not null) + b.Values.Count(v => v.Participants is not null));
            Console.WriteLine($"  plain SQL GROUP BY theme (baseline)           {baseline.TotalMilliseconds,8:0} ms");
            Console.WriteLine($"  storage aggregates (cells × themes)          {counts.TotalMilliseconds,8:0} ms   {counts / baseline,5:0.00}× baseline");
            Console.WriteLine($"  public summary (suppression, quotes, quality) {publicSummary.TotalMilliseconds,8:0} ms   {publicSummary / baseline,5:0.00}× baseline");
            Console.WriteLine($"  internal summary                             {internalSummary.TotalMilliseconds,8:0} ms   {internalSummary / baseline,5:0.00}× baseline");
            Console.WriteLine($"  public summary of 30 days + previous 30 days  {period.TotalMilliseconds,8:0} ms   {period / baseline,5:0.00}× baseline");
            Console.WriteLine($"  overview activity, all time (days, channels)  {activity.TotalMilliseconds,8:0} ms   {activity / baseline,5:0.00}× baseline");
            Console.WriteLine($"  overview activity, first week of 12 days     {activityWeek.TotalMilliseconds,8:0} ms   {activityWeek / baseline,5:0.00}× baseline");
            Console.WriteLine($"  public summary shows {shown} counts and hides {hidden} (k = {campaign.PrivacyThreshold}); median of {Runs} warm runs each.");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("CITIZENDATA_BENCH_KEEP") is { Length: > 0 })
                Console.WriteLine($"  database kept at {path}");
            else
                folder.Delete(recursive: true);
        }
    }

    private static async Task<int> PlainGroupByAsync(string path, string code)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT theme, COUNT(*) FROM submissions WHERE campaign_code = $code GROUP BY theme;";
        command.Parameters.AddWithValue("$code", code);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
            rows++;
        return rows;
    }

    private static async Task<TimeSpan> MedianAsync<T>(Func<Task<T>> work)
    {
        await work(); // warm-up
        var times = new List<TimeSpan>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            times.Add(watch.Elapsed);
        }
        return times.Order().ElementAt(Runs / 2);
    }

    private static Campaign Campaign()
    {
        static IReadOnlyDictionary<string, string> En(string text) => new Dictionary<string, string> { ["en"] = text };
        static ProfileQuestion Choice(string key, params string[] values) => new()
        {
            Key = key,
            Prompts = En(key),
            Choices = [.. values.Select(v => new ProfileChoice(v, En(v)))],
        };
        return new Campaign
        {
            Code = "bench",
            Titles = En("Benchmark"),
            Questions = En("What matters?"),
            Languages = ["en"],
            Taxonomy = new ThemeTaxonomy([.. Seeding.Themes.Select(t => new Theme { Key = t, Names = En(t) })]),
            ProfileQuestions =
            [
                new ProfileQuestion { Key = "location", Prompts = En("Where?") },
                Choice("gender", "woman", "man", "other"),
                Choice("age_band", "18-24", "25-34", "35-49", "50-64"),
                Choice("disability", "yes", "no"),
            ],
        };
    }
}

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CitizenData.Bot.Hosting;
using CitizenData.Bot.Tests.Channels.Telegram.Fake;
using CitizenData.Feedback.Storage;
using Microsoft.Data.Sqlite;

namespace CitizenData.SummaryBench;

/// <summary>
/// A broadcast to many Telegram participants through the real host (outbox, dispatcher, Telegram sender and pacer)
/// against the fake Bot API server enforcing Telegram's limits: free mode (30 messages/s in bulk, 1/s per chat; 429
/// above) and paid mode (allow_paid_broadcast, paced to 1,000/s). Measures the steady rate over a window.
/// </summary>
internal static class BroadcastScenario
{
    private const string AdminKey = "cdk_bench-admin-key";

    public static async Task RunAsync(int participants, int seconds)
    {
        Console.WriteLine($"Broadcast benchmark: {participants:N0} Telegram participants (every 50th opted out), a fresh database per mode.");
        foreach (var paid in new[] { false, true })
        {
            var folder = Directory.CreateTempSubdirectory("citizendata-broadcastbench-");
            var path = Path.Combine(folder.FullName, "bench.db");
            try
            {
                var storage = new CitizenData.Feedback.Storage.Sqlite.SqliteFeedbackStorage(path);
                await storage.MigrateAsync();
                await Seeding.SeedAsync(path, "community", "telegram", participants, participants, DateTimeOffset.UtcNow.AddDays(-10));
                await MeasureAsync(path, paid, paid ? Math.Max(5, seconds / 2) : seconds, participants, allowed: paid ? 1000 : 30);
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
        }
    }

    private static async Task MeasureAsync(string path, bool paid, int seconds, int participants, double allowed)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.RateLimits = new FakeRateLimits(PerChatPerSecond: 1, PerGroupPerMinute: 20, GlobalPerSecond: 30, RetryAfterSeconds: 1);
        var port = FreePort();
        string[] args =
        [
            $"--Urls=http://127.0.0.1:{port}",
            $"--Storage:Sqlite:Path={path}",
            $"--Telegram:BotToken={FakeTelegramServer.Token}",
            $"--Telegram:ApiBaseUrl={telegram.BaseUrl}",
            "--Telegram:Mode=Polling",
            $"--Telegram:Pacing:PaidBroadcast={paid}",
            $"--Admin:InitialApiKey={AdminKey}",
            "--Admin:InitialPassword=bench-password-1",
            $"--Logging:LogLevel:Default={Environment.GetEnvironmentVariable("CITIZENDATA_BENCH_LOG") ?? "Warning"}",
            $"--Telegram:Pacing:GlobalPerSecond={Environment.GetEnvironmentVariable("CITIZENDATA_BENCH_GLOBAL_RATE") ?? "30"}",
            // Free mode needs few requests in flight (30/s); fewer in flight means less jitter in when they reach Telegram.
            $"--Telegram:MaxConcurrency={Environment.GetEnvironmentVariable("CITIZENDATA_BENCH_CONCURRENCY") ?? (paid ? "32" : "4")}",
        ];
        var app = BotHost.Build(args);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
            using var drafted = await http.PostAsJsonAsync("/api/admin/campaigns/community/broadcasts", new { message = "Thank you for taking part!", includeActions = false });
            drafted.EnsureSuccessStatusCode();
            var id = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            var sentBefore = telegram.Sent.Count;
            var enqueue = Stopwatch.StartNew();
            (await http.PostAsync($"/api/admin/broadcasts/{id}/approve", null)).EnsureSuccessStatusCode();

            var broadcasts = (IFeedbackStorage)app.Services.GetService(typeof(IFeedbackStorage))!;
            var enqueued = TimeSpan.Zero;
            // Skip the first second (start-up of the sender), then count what Telegram accepted over the window.
            await Task.Delay(TimeSpan.FromSeconds(1));
            var startCount = telegram.Sent.Count;
            var startViolations = telegram.RateLimitViolations;
            var window = Stopwatch.StartNew();
            while (window.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                await Task.Delay(250);
                if (enqueued == TimeSpan.Zero && (await broadcasts.Broadcasts.GetAsync(id))?.Status == CitizenData.Feedback.Broadcasts.BroadcastStatus.Enqueued)
                    enqueued = enqueue.Elapsed;
            }
            var sent = telegram.Sent.Count - startCount;
            var rate = sent / window.Elapsed.TotalSeconds;
            var violations = telegram.RateLimitViolations - startViolations;
            var photos = telegram.Sent.Skip(sentBefore).Count(m => m.Method == "sendPhoto");
            var recipients = participants - (participants / 50);
            Console.WriteLine($"  {(paid ? "paid mode (allow_paid_broadcast)" : "free mode"),-34} {rate,8:0.0} messages/s = {rate / allowed * 100,5:0.0} % of {allowed:0}/s; {violations} × 429; " +
                $"{photos:N0} charts+captions sent in {seconds} s; enqueued all {recipients:N0} in {(enqueued == TimeSpan.Zero ? ">" + seconds + " s" : enqueued.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s")}; " +
                $"whole broadcast ≈ {recipients / Math.Max(1, rate) / 60:0.0} min");
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(stop.Token);
            await app.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

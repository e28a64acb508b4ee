using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CitizenData.Bot.Channels.Telegram;
using CitizenData.Bot.Hosting;
using CitizenData.Bot.Tests.Channels.Telegram.Fake;
using CitizenData.Bot.Workers;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitizenData.LoadTests;

/// <summary>
/// Telegram webhook ingest on this machine: updates posted to <c>/api/telegram/webhook</c> as Telegram would (secret
/// header, one update per request, many connections), each committed to the inbox before the 200, then taken through
/// the conversation (a submission stored and classified) and answered through the outbox to a fake Telegram. Beside
/// it, in the same run and process, a bare Kestrel endpoint that only answers 200, and the webhook alone with the
/// conversation switched off. Figures are printed, never asserted.
/// </summary>
public static class WebhookIngestBenchmark
{
    private const string Secret = "bench_secret";
    private static int nextUpdate;
    private static int nextMessage;

    public static async Task<int> RunAsync(LoadOptions options)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Webhook ingest: {options.Updates:N0} updates from {options.Residents:N0} residents over {options.Concurrency} connections; {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        var directory = Directory.CreateTempSubdirectory("citizendata-bench-");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        try
        {
            await using var telegram = await FakeTelegramServer.StartAsync();
            var residents = Enumerable.Range(0, options.Residents).Select(i => 10_000_000L + i).ToList();
            var inputs = Enumerable.Range(0, options.Updates)
                .Select(i => Update(residents[i % residents.Count], $"Input {i}: the water point in our ward has been dry for two weeks and the clinic is far."))
                .ToList();

            // 1. The webhook alone: the conversation is switched off, so this is receive, check, map, commit, answer.
            Latencies alone;
            TimeSpan aloneElapsed;
            await using (var ingestOnly = await StartHostAsync(telegram, Path.Combine(directory.FullName, "alone.db"), conversations: false))
            {
                await PostAllAsync(http, ingestOnly.Webhook, [.. Enumerable.Range(0, 2000).Select(_ => Update(1, "warm-up"))], options.Concurrency, null);
                alone = new Latencies(inputs.Count);
                var started = Stopwatch.GetTimestamp();
                await PostAllAsync(http, ingestOnly.Webhook, inputs, options.Concurrency, alone);
                aloneElapsed = Stopwatch.GetElapsedTime(started);
            }

            await using var host = await StartHostAsync(telegram, Path.Combine(directory.FullName, "bench.db"), conversations: true);
            var storage = host.App.Services.GetRequiredService<IFeedbackStorage>();

            // Residents join first (deep link, consent, no quotes, four profile questions skipped), one step at a time.
            string[] joining = ["/start community", "agree", "no", "skip", "skip", "skip", "skip"];
            var joinStart = Stopwatch.GetTimestamp();
            var before = telegram.SentCount;
            foreach (var step in joining)
            {
                await PostAllAsync(http, host.Webhook, [.. residents.Select(r => Update(r, step))], options.Concurrency, null);
                await WaitProcessedAsync(storage);
            }
            // Eight replies each: consent, quote question, profile intro, four profile questions, the campaign question.
            var joined = before + (8 * options.Residents);
            while (telegram.SentCount < joined)
                await Task.Delay(20);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  joined {options.Residents:N0} residents ({options.Residents * joining.Length:N0} updates, {8 * options.Residents:N0} replies) in {Stopwatch.GetElapsedTime(joinStart).TotalSeconds:N1} s"));

            // 2. Bare Kestrel, same process, same bodies, warmed up.
            await PostAllAsync(http, host.Bare, [.. inputs.Take(2000)], options.Concurrency, null);
            var bare = new Latencies(inputs.Count);
            var bareStart = Stopwatch.GetTimestamp();
            await PostAllAsync(http, host.Bare, inputs, options.Concurrency, bare);
            var bareElapsed = Stopwatch.GetElapsedTime(bareStart);

            // 3. Everything: webhook, inbox, turns (submission stored, classified), outbox, sendMessage to the fake.
            var ingest = new Latencies(inputs.Count);
            var start = Stopwatch.GetTimestamp();
            await PostAllAsync(http, host.Webhook, inputs, options.Concurrency, ingest);
            var acknowledged = Stopwatch.GetElapsedTime(start);
            await WaitProcessedAsync(storage);
            var processed = Stopwatch.GetElapsedTime(start);
            // Replies per input depend on the model (one "is that right?" when it classifies; two without one), so
            // wait until the fake has heard nothing more for a second and take the time of the last reply.
            var startedAt = DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(start);
            var quietSince = (Count: telegram.SentCount, At: Stopwatch.GetTimestamp());
            while (Stopwatch.GetElapsedTime(quietSince.At) < TimeSpan.FromSeconds(1) || telegram.SentCount == joined)
            {
                await Task.Delay(50);
                if (telegram.SentCount != quietSince.Count)
                    quietSince = (telegram.SentCount, Stopwatch.GetTimestamp());
            }
            var replies = telegram.SentCount - joined;
            var replied = telegram.Sent[^1].At - startedAt;

            Console.WriteLine();
            Console.WriteLine("                                         rate        latency per request");
            Console.WriteLine($"  bare Kestrel, answers 200          {bare.Describe(bareElapsed)}");
            Console.WriteLine($"  webhook alone, 200 after commit    {alone.Describe(aloneElapsed)}");
            Console.WriteLine($"  webhook with the conversation on   {ingest.Describe(acknowledged)}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  committed, classified, stored      {inputs.Count / processed.TotalSeconds,9:N0}/s   (all {inputs.Count:N0} turns done {processed.TotalSeconds:N2} s after the first post)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  ... and replied to the fake        {inputs.Count / replied.TotalSeconds,9:N0}/s   ({replies:N0} replies delivered {replied.TotalSeconds:N2} s after the first post)"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<BenchHost> StartHostAsync(FakeTelegramServer telegram, string database, bool conversations)
    {
        var port = FreePort();
        var webhooks = telegram.CallsOf("setWebhook").Count;
        var app = BotHost.Build(
        [
            $"--Urls=http://127.0.0.1:{port}",
            $"--Storage:Sqlite:Path={database}",
            $"--Telegram:BotToken={FakeTelegramServer.Token}",
            $"--Telegram:ApiBaseUrl={telegram.BaseUrl}",
            "--Telegram:Mode=Webhook",
            $"--Telegram:WebhookUrl=http://127.0.0.1:{port}{TelegramWebhookEndpoint.Path}",
            $"--Telegram:WebhookSecret={Secret}",
            // As through a local Bot API server: Telegram's public rates would make this a benchmark of waiting.
            "--Telegram:Pacing:PerChatPerSecond=100000",
            "--Telegram:Pacing:PerChatBurst=1000",
            "--Telegram:Pacing:GlobalPerSecond=1000000",
            "--Logging:LogLevel:Default=Warning",
        ], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (!conversations)
                builder.Services.Remove(builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(InboxWorker)));
        });
        // The bare endpoint lives in the same process and Kestrel: only the work behind it differs.
        app.MapPost("/bare", () => TypedResults.Ok());
        await app.StartAsync();
        await telegram.WaitUntilAsync(() => telegram.CallsOf("setWebhook").Count > webhooks, TimeSpan.FromSeconds(30), "the webhook");
        return new BenchHost(app, new Uri($"http://127.0.0.1:{port}{TelegramWebhookEndpoint.Path}"), new Uri($"http://127.0.0.1:{port}/bare"));
    }

    private static string Update(long user, string text) => new JsonObject
    {
        ["update_id"] = Interlocked.Increment(ref nextUpdate),
        ["message"] = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref nextMessage),
            ["from"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "R", ["language_code"] = "en" },
            ["chat"] = new JsonObject { ["id"] = user, ["type"] = "private", ["first_name"] = "R" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        },
    }.ToJsonString();

    private static async Task PostAllAsync(HttpClient http, Uri url, IReadOnlyList<string> bodies, int concurrency, Latencies? latencies)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(bodies[i], Encoding.UTF8, "application/json") };
                request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, Secret);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                latencies?.Add(started);
                if (response.StatusCode != HttpStatusCode.OK)
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}.");
            }
        }));
    }

    private static async Task WaitProcessedAsync(IFeedbackStorage storage)
    {
        while (await storage.Inbox.CountPendingAsync() > 0)
            await Task.Delay(20);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record BenchHost(WebApplication App, Uri Webhook, Uri Bare) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}

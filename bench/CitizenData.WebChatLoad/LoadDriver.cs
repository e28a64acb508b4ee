using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace CitizenData.WebChatLoad;

/// <summary>
/// Opens N Direct Line conversations over WebSockets against the server (a child process), measures the server's memory
/// per open conversation, then runs rounds in which every conversation sends one message at once: baseline echo turns
/// and the resident's real flow, interleaved, so both are measured under the same load. Prints figures, asserts none.
/// </summary>
internal static class LoadDriver
{
    private const string Secret = "bench-secret";
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromMinutes(3);
    private static readonly string[] ResidentTurns =
    [
        "I agree", "Yes", "Skip", "Skip", "Skip", "Skip",
        "The road to the clinic floods every rainy season", "Our school has had no maths teacher for a year",
    ];

    public static async Task<int> RunAsync(int count)
    {
        var directory = Path.Combine(Path.GetTempPath(), "citizendata-webchatload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        using var server = StartServer(baseUrl, Path.Combine(directory, "bench.db"));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(baseUrl), Timeout = ReplyTimeout };
        var conversations = new List<BenchConversation>();
        try
        {
            await WaitReadyAsync(http);
            Console.WriteLine($"CitizenData web chat load: {count} concurrent Direct Line WebSocket conversations, {Environment.ProcessorCount} cores, server and clients on one machine.");
            var idle = await MemoryAsync(http);

            var clock = Stopwatch.StartNew();
            var created = await ParallelAsync(Enumerable.Range(0, count), 32, _ => CreateAsync(http));
            await WaitInboxDrainedAsync(http);
            Console.WriteLine($"Created {count} conversations (each greeted by the bot) in {clock.Elapsed.TotalSeconds:F1} s.");
            var withoutSockets = await MemoryAsync(http);

            clock.Restart();
            conversations.AddRange(created);
            await ParallelAsync(conversations, 50, async c => { await c.ConnectAsync(); return true; });
            await Task.WhenAll(conversations.Select(c => c.WaitForBotAsync(ReplyTimeout)));
            Console.WriteLine($"Opened {count} WebSockets and received every greeting from watermark 0 in {clock.Elapsed.TotalSeconds:F1} s.");
            await Task.Delay(TimeSpan.FromSeconds(2));
            var open = await MemoryAsync(http);

            // Warm-up (JIT, connection pools), not counted.
            await RoundAsync(conversations, "echo: warm-up", "echo (warm-up, not counted)");

            // Bursts: every conversation sends at the same moment, so a round trip includes the queue of 1,000 turns.
            var burstEcho = new List<double>();
            var burstResident = new List<double>();
            for (var round = 0; round < ResidentTurns.Length; round++)
            {
                var turn = ResidentTurns[round];
                burstEcho.AddRange(await RoundAsync(conversations, $"echo: round {round}", "echo"));
                burstResident.AddRange(await RoundAsync(conversations, turn, $"resident '{turn}'"));
            }

            // Paced: each resident writes again after 2–6 s of thinking (about 250 messages/s offered in all).
            var (pacedEcho, pacedResident, pacedRate) = await PacedAsync(conversations, messagesEach: 6);

            Console.WriteLine();
            Console.WriteLine("Round trip, user message POSTed → the bot's reply received on the WebSocket (ms):");
            Console.WriteLine("  turn                              n      p50      p90      p99      max");
            Print("burst  baseline echo", burstEcho);
            Print("burst  resident flow", burstResident);
            Print("paced  baseline echo", pacedEcho);
            Print("paced  resident flow", pacedResident);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (paced phase: {pacedRate:F0} messages/s offered and answered)"));
            Console.WriteLine();
            Console.WriteLine("Server memory (managed heap after full GC / working set):");
            Console.WriteLine($"  idle                          {Mb(idle.ManagedHeapBytes),8} / {Mb(idle.WorkingSetBytes),8}");
            Console.WriteLine($"  {count} conversations, no socket {Mb(withoutSockets.ManagedHeapBytes),8} / {Mb(withoutSockets.WorkingSetBytes),8}");
            Console.WriteLine($"  {count} WebSockets open          {Mb(open.ManagedHeapBytes),8} / {Mb(open.WorkingSetBytes),8}");
            Console.WriteLine($"  per open conversation (WebSocket): {Kb((open.ManagedHeapBytes - withoutSockets.ManagedHeapBytes) / count)} managed, {Kb((open.WorkingSetBytes - withoutSockets.WorkingSetBytes) / count)} working set");
            Console.WriteLine($"  per conversation incl. creation:   {Kb((open.ManagedHeapBytes - idle.ManagedHeapBytes) / count)} managed, {Kb((open.WorkingSetBytes - idle.WorkingSetBytes) / count)} working set");
            return 0;
        }
        finally
        {
            foreach (var conversation in conversations)
                await conversation.DisposeAsync();
            if (!server.HasExited)
                server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    private static async Task<List<double>> RoundAsync(List<BenchConversation> conversations, string text, string label)
    {
        var clock = Stopwatch.StartNew();
        var times = await Task.WhenAll(conversations.Select(c => c.RoundTripAsync(text, ReplyTimeout)));
        Console.WriteLine($"  round {label,-70} {conversations.Count / clock.Elapsed.TotalSeconds,7:F0} turns/s");
        return [.. times.Select(t => t.TotalMilliseconds)];
    }

    private static async Task<(List<double> Echo, List<double> Resident, double Rate)> PacedAsync(List<BenchConversation> conversations, int messagesEach)
    {
        var echo = new System.Collections.Concurrent.ConcurrentBag<double>();
        var resident = new System.Collections.Concurrent.ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(conversations.Select(async (conversation, index) =>
        {
            var random = new Random(index);
            for (var i = 0; i < messagesEach; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(2000, 6000)));
                if (i % 2 == 0)
                    echo.Add((await conversation.RoundTripAsync($"echo: paced {i}", ReplyTimeout)).TotalMilliseconds);
                else
                    resident.Add((await conversation.RoundTripAsync($"Paced message {i}: the market has no shade and no water point", ReplyTimeout)).TotalMilliseconds);
            }
        }));
        return ([.. echo], [.. resident], conversations.Count * messagesEach / clock.Elapsed.TotalSeconds);
    }

    private static async Task<BenchConversation> CreateAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { locale = "en-US" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        return new BenchConversation(http, root.GetProperty("conversationId").GetString()!, root.GetProperty("token").GetString()!, root.GetProperty("streamUrl").GetString()!);
    }

    private static Process StartServer(string baseUrl, string database)
    {
        var self = typeof(LoadDriver).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = false };
        foreach (var argument in new[]
        {
            self, "serve", $"--Urls={baseUrl}", $"--Storage:Sqlite:Path={database}", $"--DirectLine:Secret={Secret}",
            // Each conversation sends 16 messages in a few seconds here; the default limit (a burst of 10) is for people.
            "--DirectLine:ActivityBurst=100", "--DirectLine:ActivitiesPerMinute=6000", "--Logging:LogLevel:Default=Warning",
        })
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The server did not start.");
    }

    private static async Task WaitInboxDrainedAsync(HttpClient http)
    {
        while (true)
        {
            var metrics = await http.GetStringAsync("/metrics");
            var line = metrics.Split('\n').First(l => l.StartsWith("citizendata_inbox_pending ", StringComparison.Ordinal));
            if (line.EndsWith(" 0", StringComparison.Ordinal))
                return;
            await Task.Delay(200);
        }
    }

    private static async Task<MemorySample> MemoryAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<MemorySample>("/bench/memory", new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;

    private static async Task<List<T>> ParallelAsync<TIn, T>(IEnumerable<TIn> items, int degree, Func<TIn, Task<T>> work)
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<T>();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = degree }, async (item, _) => results.Add(await work(item)));
        return [.. results];
    }

    private static void Print(string label, List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double p) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(p * milliseconds.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-25} {milliseconds.Count,8} {At(0.50),8:F0} {At(0.90),8:F0} {At(0.99),8:F0} {milliseconds[^1],8:F0}"));
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MB");

    private static string Kb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KB");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

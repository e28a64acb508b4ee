using System.Diagnostics;
using System.Globalization;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Participants;
using CitizenData.Feedback.Privacy;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Storage.Sqlite;
using CitizenData.Feedback.Submissions;
using CitizenData.Feedback.Themes;
using Microsoft.Data.Sqlite;

// Memory of a streamed CSV export against the number of submissions: the same export code as the admin API and the
// CLI, over a real SQLite file. Reports figures; asserts nothing.
// Usage: dotnet run -c Release --project bench/CitizenData.ExportBench [-- 1000000]
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100_000, 1_000_000];
var folder = Directory.CreateTempSubdirectory("citizendata-exportbench-");
try
{
    Console.WriteLine($"{"submissions",12} {"seed s",8} {"export s",9} {"CSV MiB",8} {"peak managed MiB",17} {"peak working set MiB",21} {"public s",9} {"datapackage s",14}");
    foreach (var size in sizes)
        await MeasureAsync(Path.Combine(folder.FullName, $"bench-{size}.db"), size);
}
finally
{
    SqliteConnection.ClearAllPools();
    folder.Delete(recursive: true);
}

static async Task MeasureAsync(string path, int submissions)
{
    var storage = new SqliteFeedbackStorage(path);
    await storage.MigrateAsync();
    var campaign = await storage.Campaigns.SaveAsync(new Campaign
    {
        Code = "bench",
        Titles = new Dictionary<string, string> { ["en"] = "Bench" },
        Questions = new Dictionary<string, string> { ["en"] = "What matters?" },
        Languages = ["en"],
        Taxonomy = DefaultTaxonomy(),
        ProfileQuestions =
        [
            new ProfileQuestion { Key = "location", Prompts = new Dictionary<string, string> { ["en"] = "Where?" } },
            new ProfileQuestion { Key = "gender", Prompts = new Dictionary<string, string> { ["en"] = "Gender?" } },
        ],
    });

    var seed = Stopwatch.StartNew();
    await SeedAsync(storage, submissions);
    seed.Stop();

    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var export = new CampaignExport(storage, TimeProvider.System);
    using var sampler = new PeakSampler();
    var counting = new CountingStream();
    var timer = Stopwatch.StartNew();
    await export.WriteAsync(campaign, new ExportRequest(ExportFormat.Csv), counting);
    timer.Stop();
    var (peakManaged, peakWorkingSet) = sampler.Stop();

    var publicTimer = Stopwatch.StartNew();
    await export.WriteAsync(campaign, new ExportRequest(ExportFormat.Csv, ExportAudience.Public), Stream.Null);
    publicTimer.Stop();
    var describeTimer = Stopwatch.StartNew();
    await export.DescribeAsync(campaign, new ExportRequest(ExportFormat.Csv), "bench.csv");
    describeTimer.Stop();

    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{submissions,12:N0} {seed.Elapsed.TotalSeconds,8:F1} {timer.Elapsed.TotalSeconds,9:F1} {counting.Length / 1048576.0,8:F0} {peakManaged / 1048576.0,17:F1} {peakWorkingSet / 1048576.0,21:F0} {publicTimer.Elapsed.TotalSeconds,9:F1} {describeTimer.Elapsed.TotalSeconds,14:F1}"));
}

static async Task SeedAsync(IFeedbackStorage storage, int submissions)
{
    var random = new Random(2026);
    var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    string[] locations = ["Kibera", "Mathare", "Kawangware", "Mukuru", "Korogocho"];
    string[] themes = ["water_sanitation", "health", "education", "livelihoods", "infrastructure", "safety", "other"];
    var participants = Math.Max(1, submissions / 20);
    const int batch = 10_000;
    for (var offset = 0; offset < submissions; offset += batch)
    {
        var commit = new TurnCommit { Conversation = new ConversationKey("bench", "seed") };
        for (var i = offset; i < Math.Min(submissions, offset + batch); i++)
        {
            var participant = $"p_{i % participants:D8}";
            if (i < participants)
            {
                commit.Participants.Add(new Participant
                {
                    Id = participant,
                    Channel = "bench",
                    ChannelUserId = participant,
                    ConversationId = participant,
                    CampaignCode = "bench",
                    Language = "en",
                    Consent = new ConsentRecord("1", "en", start),
                    Profile = new Dictionary<string, string> { ["location"] = locations[random.Next(locations.Length)], ["gender"] = random.Next(2) == 0 ? "woman" : "man" },
                });
            }
            commit.Submissions.Add(new Submission
            {
                Id = $"s_{i:D10}",
                ParticipantId = participant,
                CampaignCode = "bench",
                Channel = "bench",
                Source = SubmissionSource.Resident,
                Language = "en",
                Text = $"The borehole near the market has been broken for {random.Next(2, 40)} days and people walk far, \"again\", input {i}",
                ReceivedAt = start.AddSeconds(i),
                ConsentVersion = "1",
                Theme = themes[random.Next(themes.Length)],
                Confidence = Math.Round(random.NextDouble(), 3),
                LabelSource = LabelSource.Model,
                ModelVersion = "bench-1",
            });
        }
        await storage.Turns.CommitAsync(commit);
    }
}

static ThemeTaxonomy DefaultTaxonomy() => new(
    ((string[])["water_sanitation", "health", "education", "livelihoods", "infrastructure", "safety", "other"])
        .Select(k => new Theme { Key = k, Names = new Dictionary<string, string> { ["en"] = k } })
        .ToList());

/// <summary>Samples the managed heap and the working set every 20 ms and keeps the highest values.</summary>
internal sealed class PeakSampler : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private long peakManaged;
    private long peakWorkingSet;

    public PeakSampler() => loop = Task.Run(async () =>
    {
        using var process = Process.GetCurrentProcess();
        while (!stop.IsCancellationRequested)
        {
            Sample(process);
            try
            {
                await Task.Delay(20, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    });

    private void Sample(Process process)
    {
        process.Refresh();
        peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
        peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
    }

    public (long Managed, long WorkingSet) Stop()
    {
        stop.Cancel();
        loop.Wait();
        return (peakManaged, peakWorkingSet);
    }

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
    }
}

/// <summary>Discards what is written and counts the bytes, as a network client reading the download would.</summary>
internal sealed class CountingStream : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Position;
    public override long Position { get; set; }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Position += count;

    public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Position += buffer.Length;
        return ValueTask.CompletedTask;
    }
}

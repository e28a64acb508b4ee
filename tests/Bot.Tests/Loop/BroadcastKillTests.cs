using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CitizenData.Bot.Channels.Telegram;
using CitizenData.Bot.Tests.Channels.Telegram;
using CitizenData.Bot.Tests.Channels.Telegram.Fake;
using CitizenData.Feedback.Participants;
using CitizenData.Feedback.Storage.Sqlite;
using CitizenData.Feedback.Submissions;

namespace CitizenData.Bot.Tests.Loop;

/// <summary>
/// The real server process killed with SIGKILL twice during a broadcast, once while it is being enqueued and once
/// while it is being sent, then restarted on the same database.
/// </summary>
public sealed class BroadcastKillTests
{
    private const string AdminKey = "cdk_broadcast-kill-admin-key";
    private const int Participants = 2000;
    private const int MaxConcurrency = 4;

    /// <summary>
    /// What is asserted: the outbox holds exactly one message per opted-in participant (the enqueue resumed without
    /// gap or duplicate), every opted-in participant received the broadcast, nobody who opted out did, and nobody received
    /// it more than twice — a second copy only for a message in flight at a kill (at most one per conversation, and at
    /// most the sender's concurrency per kill).
    /// </summary>
    [Fact]
    public async Task Killed_while_enqueuing_and_while_sending_a_broadcast_resumes_without_gaps_or_duplicates()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("citizendata-broadcast-kill-");
        var database = Path.Combine(directory.FullName, "citizendata.db");
        var port = TelegramTestHost.FreePort();
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Storage:Sqlite:Path"] = database,
            ["Telegram:BotToken"] = FakeTelegramServer.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:Mode"] = "Polling",
            ["Telegram:PollingTimeoutSeconds"] = "10",
            ["Telegram:MaxConcurrency"] = MaxConcurrency.ToString(CultureInfo.InvariantCulture),
            ["Telegram:Pacing:PerChatPerSecond"] = "1000",
            ["Telegram:Pacing:PerChatBurst"] = "100",
            ["Telegram:Pacing:GlobalPerSecond"] = "400",
            ["Broadcasts:BatchSize"] = "20",
            ["Admin:InitialApiKey"] = AdminKey,
            ["Admin:InitialPassword"] = "kill-test-password-1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        try
        {
            var optedOut = await SeedAsync(database);
            string id;
            int duplicatesAllowed;
            using (var first = ServerProcess.Start(settings))
            {
                await telegram.WaitUntilAsync(() => telegram.CallsOf("deleteWebhook").Count == 1, TimeSpan.FromSeconds(60), "the first server to start\n" + first.Output);
                await first.WaitUntilListeningAsync($"http://127.0.0.1:{port}", TimeSpan.FromSeconds(60));
                using var admin = Client(port);
                using var drafted = await admin.PostAsJsonAsync("/api/admin/campaigns/community/broadcasts", new { message = "Thank you! Here is what you told us.", includeChart = true });
                Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
                id = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                using var approved = await admin.PostAsync($"/api/admin/broadcasts/{id}/approve", null);
                Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
                await Task.Delay(Random.Shared.Next(20, 120));
                first.Kill(); // while enqueuing, most likely
            }
            var storage = new SqliteFeedbackStorage(database);
            var queuedAtFirstKill = (await storage.Broadcasts.CountAsync(id)).Queued;

            using (var second = ServerProcess.Start(settings))
            {
                await telegram.WaitUntilAsync(() => telegram.Sent.Count >= Participants / 3, TimeSpan.FromSeconds(90), "a third of the broadcast to be sent\n" + second.Output);
                second.Kill(); // while sending
            }
            duplicatesAllowed = 2 * MaxConcurrency;

            using (var third = ServerProcess.Start(settings))
            {
                var expected = Participants - optedOut.Count;
                await telegram.WaitUntilAsync(() => telegram.Sent.Select(m => m.ChatId).Distinct().Count() >= expected, TimeSpan.FromSeconds(120), $"every opted-in participant to get it\n{third.Output}");
                await Task.Delay(TimeSpan.FromSeconds(1)); // stragglers, if anything were sent twice
                third.Kill();
            }

            var perChat = telegram.Sent.Where(m => m.Method == "sendPhoto").GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());
            for (var n = 0; n < Participants; n++)
            {
                var chat = ChatId(n);
                if (optedOut.Contains(n))
                    Assert.False(perChat.ContainsKey(chat), $"opted-out participant {n} got the broadcast");
                else
                    Assert.InRange(perChat.GetValueOrDefault(chat), 1, 2);
            }
            var duplicates = perChat.Values.Sum(c => c - 1);
            Assert.InRange(duplicates, 0, duplicatesAllowed);

            var counts = await storage.Broadcasts.CountAsync(id);
            Assert.Equal((0, Participants - optedOut.Count, 0, optedOut.Count), (counts.Queued, counts.Sent, counts.Failed, counts.OptedOut));
            Console.WriteLine($"Broadcast kill test: {queuedAtFirstKill} queued at the first kill, {duplicates} duplicates after two kills (allowed {duplicatesAllowed}).");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static long ChatId(int n) => 500_000 + n;

    /// <summary>Participants of the default campaign on Telegram, every tenth opted out, each with one input.</summary>
    private static async Task<HashSet<int>> SeedAsync(string database)
    {
        var storage = new SqliteFeedbackStorage(database);
        await storage.MigrateAsync();
        var now = DateTimeOffset.UtcNow;
        var optedOut = new HashSet<int>();
        for (var n = 0; n < Participants; n++)
        {
            var chat = ChatId(n).ToString(CultureInfo.InvariantCulture);
            if (n % 10 == 7)
                optedOut.Add(n);
            var participant = await storage.Participants.SaveAsync(new Participant
            {
                Id = $"p_{n:00000}",
                Channel = TelegramUpdateMapper.ChannelId,
                ChannelUserId = chat,
                ConversationId = chat,
                CampaignCode = "community",
                Language = "en",
                Consent = new ConsentRecord("1", "en", now),
                QuoteConsent = false,
                OptedOut = optedOut.Contains(n),
                Profile = new Dictionary<string, string> { ["location"] = n % 2 == 0 ? "Kibera" : "Mathare" },
                CreatedAt = now,
            });
            await storage.Submissions.SaveAsync(new Submission
            {
                Id = $"s_{n:00000}",
                ParticipantId = participant.Id,
                CampaignCode = "community",
                Channel = participant.Channel,
                Source = SubmissionSource.Resident,
                Language = "en",
                Text = "The borehole is broken",
                ReceivedAt = now,
                ConsentVersion = "1",
                Theme = n % 3 == 0 ? "health" : "water_sanitation",
                Confidence = 0.9,
                LabelSource = LabelSource.Model,
            });
        }
        return optedOut;
    }

    private static HttpClient Client(int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }
}

using System.Globalization;
using CitizenData.Bot.Channels.Telegram;
using CitizenData.Bot.Tests.Channels.Telegram.Fake;
using CitizenData.Feedback.Storage.Sqlite;

namespace CitizenData.Bot.Tests.Channels.Telegram;

/// <summary>
/// The real server process killed with SIGKILL while residents are mid-conversation, updates are being polled or
/// posted, and replies are in flight; then restarted on the same database.
/// </summary>
public sealed class TelegramKillTests
{
    private const int Residents = 3;
    private const int InputsEach = 8;

    /// <summary>
    /// What is asserted, and why:
    /// 1. No input is lost and none is doubled: every text the residents sent is exactly one submission (by text and by
    ///    Telegram message id), whether it was committed before the kill or only redelivered by Telegram afterwards
    ///    (an update is acknowledged only after its inbox commit, and the inbox ignores a replayed update_id).
    /// 2. No reply is repeated beyond those in flight: at the kill, each resident's conversation has at most one send in
    ///    flight (the outbox sends a conversation's messages one at a time). The fake Telegram is set to the worst case:
    ///    it delivers a held request whose caller died, so the restarted server, which never heard back, sends it again.
    ///    Hence every resident receives exactly the replies the flow produces plus at most one duplicate; the total
    ///    number of duplicates is at least the held sends delivered at the kill and at most one per resident.
    /// </summary>
    [Theory]
    [InlineData(TelegramMode.Polling)]
    [InlineData(TelegramMode.Webhook)]
    public async Task KilledWithRepliesAndUpdatesInFlightTheServerLosesNothingAndRepeatsAtMostTheRepliesInFlight(TelegramMode mode)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.WebhookRetryDelay = TimeSpan.FromMilliseconds(100);
        var directory = Directory.CreateTempSubdirectory("citizendata-kill-");
        var database = Path.Combine(directory.FullName, "citizendata.db");
        var port = TelegramTestHost.FreePort();
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Storage:Sqlite:Path"] = database,
            ["Telegram:BotToken"] = FakeTelegramServer.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:Mode"] = mode.ToString(),
            ["Telegram:WebhookUrl"] = $"http://127.0.0.1:{port}{TelegramWebhookEndpoint.Path}",
            ["Telegram:WebhookSecret"] = TelegramTestHost.Secret,
            ["Telegram:PollingTimeoutSeconds"] = "10",
            ["Telegram:Pacing:PerChatPerSecond"] = "1000",
            ["Telegram:Pacing:PerChatBurst"] = "100",
            ["Telegram:Pacing:GlobalPerSecond"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var ready = mode == TelegramMode.Webhook ? "setWebhook" : "deleteWebhook";
        try
        {
            var residents = Enumerable.Range(1, Residents).Select(n => telegram.User(9100 + n)).ToList();
            var sent = new List<(long User, int MessageId, string Text)>();
            var flowReplies = 0;
            var firstOutput = string.Empty;
            using (var first = ServerProcess.Start(settings))
            {
                await telegram.WaitUntilAsync(() => telegram.CallsOf(ready).Count == 1, TimeSpan.FromSeconds(60), "the first server to start\n" + first.Output);
                foreach (var resident in residents)
                    await resident.JoinAsync();
                flowReplies = telegram.Sent.Count;

                telegram.HeldSendsDeliverOnHangUp = true;
                telegram.HoldSends();
                foreach (var resident in residents)
                    sent.Add((resident.Id, resident.Send(Text(resident.Id, 1)), Text(resident.Id, 1)));
                await telegram.WaitUntilAsync(() => telegram.HeldSends > 0, TimeSpan.FromSeconds(20), "a reply in flight");
                // A burst the server is still taking in when it dies: some committed, some handed over but not
                // committed (no acknowledgement yet), some not even fetched.
                for (var i = 2; i <= InputsEach; i++)
                {
                    foreach (var resident in residents)
                        sent.Add((resident.Id, resident.Send(Text(resident.Id, i)), Text(resident.Id, i)));
                }
                await Task.Delay(Random.Shared.Next(0, 60));
                first.Kill();
                firstOutput = first.Output;
            }
            await telegram.WaitUntilAsync(() => telegram.HeldSends == 0, TimeSpan.FromSeconds(10), "the dead server's connections to drop");
            var inFlight = telegram.DeliveredOnHangUp;
            Assert.InRange(inFlight, 1, Residents);
            telegram.ReleaseSends();

            using var second = ServerProcess.Start(settings);
            await telegram.WaitUntilAsync(() => telegram.CallsOf(ready).Count == 2, TimeSpan.FromSeconds(60), "the second server to start\n" + second.Output);
            // Each input is answered once: the theme it was understood as, with Right / Change buttons.
            var expected = flowReplies + (Residents * InputsEach);
            await telegram.WaitUntilAsync(() => telegram.Sent.Count >= expected, TimeSpan.FromSeconds(60), $"{expected} replies\n{second.Output}");
            await Task.Delay(TimeSpan.FromSeconds(1)); // stragglers, if anything were sent twice

            // 1. Every input exactly once.
            var storage = new SqliteFeedbackStorage(database);
            foreach (var resident in residents)
            {
                var participant = await storage.Participants.FindByChannelUserAsync("telegram", resident.Id.ToString(CultureInfo.InvariantCulture));
                var submissions = await storage.Submissions.ListByParticipantAsync(participant!.Id);
                var theirs = sent.Where(s => s.User == resident.Id).ToList();
                Assert.Equal(theirs.Select(s => s.Text).Order(), submissions.Select(s => s.Text).Order());
                Assert.Equal(theirs.Select(s => s.MessageId.ToString(CultureInfo.InvariantCulture)).Order(), submissions.Select(s => s.ChannelMessageKey!).Order());
            }
            Assert.Equal(0, await storage.Inbox.CountPendingAsync());

            // 2. Replies: what the flow produced, plus at most the sends in flight at the kill, one per resident. In flight
            //    means sent but not yet recorded as sent: at least the requests the fake held, and possibly one whose
            //    answer arrived just before the kill while the outbox was still waiting to record it.
            Assert.InRange(telegram.Sent.Count, expected + inFlight, expected + Residents);
            foreach (var resident in residents)
            {
                var replies = telegram.SentTo(resident.Id).Skip(flowReplies / Residents).ToList();
                Assert.InRange(replies.Count, InputsEach, InputsEach + 1);
                Assert.All(replies, r => Assert.True(r.Text!.Contains("Is that right?", StringComparison.Ordinal), $"{r.Text}\n--- first server:\n{firstOutput}\n--- second server:\n{second.Output}"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static string Text(long user, int n) => $"Resident {user} input {n}: the water tank at the school leaks.";
}

using CitizenData.Bot.Channels.Telegram;
using CitizenData.Bot.Conversations;
using CitizenData.Bot.Tests.Channels.Telegram.Fake;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Tests.Channels.Telegram;

/// <summary>Telegram's rate limits, enforced by the fake, against our pacing. Run alone: a loaded machine skews timing.</summary>
[Collection(TimingSensitive.Name)]
public sealed class TelegramPacingTests
{
    [Fact]
    public async Task PacingKeepsABusyChatAndAllChatsUnderTelegramsLimits()
    {
        await using var host = await TelegramTestHost.StartAsync(TelegramMode.Polling, new Dictionary<string, string>
        {
            // Half what the fake enforces: the fake counts strictly on arrival, and a loaded machine delays some
            // requests on their way more than others (real Telegram tolerates short bursts).
            ["Telegram:Pacing:PerChatPerSecond"] = "5",
            ["Telegram:Pacing:PerChatBurst"] = "1",
            ["Telegram:Pacing:GlobalPerSecond"] = "10",
        });
        host.Telegram.RateLimits = new FakeRateLimits(PerChatPerSecond: 10, GlobalPerSecond: 20);
        var now = DateTimeOffset.UtcNow;
        var entries = Enumerable.Range(0, 15).Select(i => new OutboxEntry("telegram", "6011", Text($"busy {i}"), now))
            .Concat(Enumerable.Range(0, 25).Select(i => new OutboxEntry("telegram", (7000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Text($"hello {i}"), now)))
            .ToList();
        await host.Storage.Outbox.EnqueueAsync(entries);

        await host.Telegram.WaitUntilAsync(() => host.Telegram.Sent.Count == 40, TimeSpan.FromSeconds(30), "all 40 messages");
        Assert.Equal(0, host.Telegram.RateLimitViolations);
        var busy = host.Telegram.SentTo(6011);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => $"busy {i}"), busy.Select(m => m.Text)); // order kept
        var span = host.Telegram.Sent[^1].At - host.Telegram.Sent[0].At;
        Assert.True(span >= TimeSpan.FromSeconds(3), $"40 messages at 10/s took only {span}");

        static string Text(string text) => ActivityJson.Serialize(new Activity { Text = text });
    }

    [Fact]
    public async Task WhenTelegramFloodLimitsAnywayEveryMessageStillArrivesInOrder()
    {
        // Pacing set far above what the fake allows: Telegram's 429s (retry_after 1 s) do the limiting.
        await using var host = await TelegramTestHost.StartAsync(TelegramMode.Polling);
        host.Telegram.RateLimits = new FakeRateLimits(PerChatPerSecond: 3, GlobalPerSecond: 30, RetryAfterSeconds: 1);
        var now = DateTimeOffset.UtcNow;
        await host.Storage.Outbox.EnqueueAsync([.. Enumerable.Range(0, 8).Select(i => new OutboxEntry("telegram", "6012", ActivityJson.Serialize(new Activity { Text = $"update {i}" }), now))]);

        await host.Telegram.WaitUntilAsync(() => host.Telegram.SentTo(6012).Count == 8, TimeSpan.FromSeconds(30), "all 8 messages");
        Assert.True(host.Telegram.RateLimitViolations > 0);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"update {i}"), host.Telegram.SentTo(6012).Select(m => m.Text));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "Timing-sensitive";
}

using CitizenData.Bot.Channels;
using CitizenData.Bot.Conversations;
using CitizenData.Bot.Tests.Support;
using CitizenData.Feedback.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenData.Bot.Tests.Conversations;

/// <summary>
/// Nothing acknowledged is lost, nothing confirmed sent is sent again: a new host on the same database stands in for a
/// restart after a crash at each point of the data path. (The Telegram end-to-end tests kill a real server process.)
/// </summary>
public sealed class DeliveryGuaranteeTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_replayed_update_creates_one_submission_and_one_reply()
    {
        await using var bot = await TestBot.StartAsync(database);
        var resident = await ConsentedAsync(bot, "replay");

        for (var delivery = 0; delivery < 3; delivery++)
            await bot.Channel.ReceiveAsync("replay", new Activity { Text = "The dispensary is always closed" }, updateKey: "update-77");
        await bot.RunPendingAsync();

        var replies = bot.Channel.TakeReplies("replay");
        Assert.Equal(2, replies.Count); // "thank you, saved" and "anything else?" once, not three times
        var participant = (await bot.Storage.Participants.FindByChannelUserAsync(InProcessChannelName, "replay"))!;
        Assert.Single(await bot.Storage.Submissions.ListByParticipantAsync(participant.Id));
        _ = resident;
    }

    [Fact]
    public async Task Input_committed_before_a_crash_is_processed_after_the_restart()
    {
        await using (var before = await TestBot.StartAsync(database))
        {
            await ConsentedAsync(before, "crash1");
            // Committed to the inbox (the channel has acknowledged it), then the process dies before the turn runs.
            await before.Channel.ReceiveAsync("crash1", new Activity { Text = "Our ward has no street lights" });
        }

        await using var after = await TestBot.StartAsync(database);
        await after.RunPendingAsync();
        var participant = (await after.Storage.Participants.FindByChannelUserAsync(InProcessChannelName, "crash1"))!;
        Assert.Equal("Our ward has no street lights", Assert.Single(await after.Storage.Submissions.ListByParticipantAsync(participant.Id)).Text);
        Assert.Equal(2, after.Channel.TakeReplies("crash1").Count);
    }

    [Fact]
    public async Task A_reply_committed_before_a_crash_is_sent_once_after_the_restart()
    {
        await using (var before = await TestBot.StartAsync(database))
        {
            await ConsentedAsync(before, "crash2");
            await before.Channel.ReceiveAsync("crash2", new Activity { Text = "The bridge collapsed" });
            // The turn commits its replies to the outbox; the process dies before the sender runs.
            await before.Services.GetRequiredService<TurnProcessor>().ProcessPendingAsync(10, CancellationToken.None);
            Assert.Empty(before.Channel.TakeReplies("crash2"));
        }

        await using var after = await TestBot.StartAsync(database);
        await after.RunPendingAsync();
        await after.RunPendingAsync();
        Assert.Equal(2, after.Channel.TakeReplies("crash2").Count);
        var participant = (await after.Storage.Participants.FindByChannelUserAsync(InProcessChannelName, "crash2"))!;
        Assert.Single(await after.Storage.Submissions.ListByParticipantAsync(participant.Id));
    }

    [Fact]
    public async Task Only_the_message_in_flight_at_a_crash_can_be_sent_twice()
    {
        await using var bot = await TestBot.StartAsync(database);
        await ConsentedAsync(bot, "crash3");
        await bot.Channel.ReceiveAsync("crash3", new Activity { Text = "Too many potholes" });
        await bot.Services.GetRequiredService<TurnProcessor>().ProcessPendingAsync(10, CancellationToken.None);

        // The channel takes the first reply, then the process dies before recording it as sent.
        var crashing = new CrashAfterDeliverySender(bot.Channel);
        var dispatcher = bot.Services.GetRequiredService<OutboxDispatcher>();
        await Assert.ThrowsAsync<OperationCanceledException>(() => dispatcher.DrainAsync(crashing, 10, CancellationToken.None));

        await bot.RunPendingAsync();
        var texts = bot.Channel.TakeReplies("crash3").Select(r => r.Text).ToList();
        Assert.Equal(3, texts.Count);
        Assert.Equal(texts[0], texts[1]); // the one in flight, twice
        Assert.NotEqual(texts[1], texts[2]); // and everything after it once
    }

    [Fact]
    public async Task A_turn_that_keeps_failing_is_answered_with_an_apology_and_the_state_is_reset()
    {
        await using var bot = await TestBot.StartAsync(database, b => b.Services.AddSingleton<ITurnMiddleware>(new FailingMiddleware("explode")));
        var resident = await ConsentedAsync(bot, "broken");

        await bot.Channel.ReceiveAsync("broken", new Activity { Text = "explode" });
        var processor = bot.Services.GetRequiredService<TurnProcessor>();
        for (var attempt = 1; attempt < TurnProcessor.MaxAttempts; attempt++)
        {
            await processor.ProcessPendingAsync(10, CancellationToken.None);
            Assert.Equal(1, await bot.Storage.Inbox.CountPendingAsync()); // kept for a retry
        }
        await bot.RunPendingAsync();
        Assert.Equal(0, await bot.Storage.Inbox.CountPendingAsync());
        resident.Language = "en";
        Assert.Contains(bot.Texts.Get("en", "error.turn"), Assert.Single(bot.Channel.TakeReplies("broken")).Text, StringComparison.Ordinal);

        // The next message works normally.
        (await resident.Send("The water kiosk overcharges")).ExpectSaid("submission.unclassified");
    }

    [Fact]
    public async Task A_conversation_state_that_cannot_be_read_is_reset_rather_than_blocking_the_resident()
    {
        await using var bot = await TestBot.StartAsync(database);
        var key = new ConversationKey(InProcessChannelName, "garbled");
        await bot.Storage.ConversationStates.SaveAsync(key, "{not json", 0);
        (await bot.Resident("garbled").Send("hello")).ExpectSaid("consent.notice");
    }

    private const string InProcessChannelName = CitizenData.Bot.Channels.InProcess.InProcessChannel.Name;

    private static async Task<TestResident> ConsentedAsync(TestBot bot, string userId)
    {
        var resident = bot.Resident(userId);
        await resident.Send("/start");
        await resident.Press("agree");
        await resident.Press("no");
        for (var question = 0; question < 4; question++)
            await resident.Press("skip");
        resident.ExpectSaid("community.question");
        return resident;
    }

    /// <summary>Delivers through the real channel, then dies as a process would before the outbox records the send.</summary>
    private sealed class CrashAfterDeliverySender(IChannelSender inner) : IChannelSender
    {
        public string Channel => inner.Channel;

        public async Task<SendOutcome> SendAsync(OutboxItem item, Activity activity, CancellationToken cancellationToken)
        {
            await inner.SendAsync(item, activity, cancellationToken);
            throw new OperationCanceledException("process killed");
        }
    }

    private sealed class FailingMiddleware(string trigger) : ITurnMiddleware
    {
        public Task OnTurnAsync(TurnContext turn, Func<Task> next, CancellationToken cancellationToken) =>
            turn.Text == trigger ? throw new InvalidOperationException("a bug in a turn") : next();
    }
}

using System.Net;
using CitizenData.Bot.Channels.Telegram;
using CitizenData.Bot.Conversations;
using CitizenData.Bot.Tests.Channels.Telegram.Fake;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Tests.Channels.Telegram;

/// <summary>Nothing acknowledged is lost, nothing replayed is done twice, whatever Telegram or the host does.</summary>
public sealed class TelegramReliabilityTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(600);

    [Fact]
    public async Task TheSameUpdatePostedThreeTimesToTheWebhookMakesOneSubmissionAndOneReply()
    {
        await using var host = await TelegramTestHost.StartAsync(TelegramMode.Webhook);
        var amina = host.Telegram.User(6001);
        await amina.JoinAsync();

        var update = amina.TextUpdateJson(800_000_001, "The clinic has no nurse at night.");
        for (var attempt = 0; attempt < 3; attempt++)
            Assert.Equal(HttpStatusCode.OK, await host.Telegram.PostToWebhookAsync(update));

        await amina.ExpectAsync("Health");
        Assert.Empty(await amina.DrainAsync(Quiet));
        Assert.Single(await SubmissionsOfAsync(host, "6001"));
    }

    [Fact]
    public async Task AnUpdateRedeliveredByPollingAfterCrashesBeforeTheOffsetWasConfirmedIsDoneOnce()
    {
        await using var host = await TelegramTestHost.StartAsync(TelegramMode.Polling);
        var amina = host.Telegram.User(6002);
        await amina.JoinAsync();

        // From here on, every offset confirmation is lost, as if the host always died right after committing.
        host.Telegram.ConfirmUpdates = false;
        amina.Send("The road floods every year.");
        var update = amina.LastUpdateId;
        await amina.ExpectAsync("Roads, transport");
        // The reply is out and recorded as sent: this test is about the update, not about a reply in flight.
        await AllRepliesRecordedAsSentAsync(host, "6002");
        await host.RestartAsync();
        await host.Telegram.WaitUntilAsync(() => host.Telegram.DeliveriesOf(update) == 2, TimeSpan.FromSeconds(10), "the second delivery");
        await host.RestartAsync();
        await host.Telegram.WaitUntilAsync(() => host.Telegram.DeliveriesOf(update) == 3, TimeSpan.FromSeconds(10), "the third delivery");

        Assert.Empty(await amina.DrainAsync(Quiet));
        Assert.Single(await SubmissionsOfAsync(host, "6002"));
    }

    [Theory]
    [InlineData(TelegramMode.Polling)]
    [InlineData(TelegramMode.Webhook)]
    public async Task AHostKilledBetweenTheInboxCommitAndTheReplySendsTheReplyOnceAfterRestart(TelegramMode mode)
    {
        await using var host = await TelegramTestHost.StartAsync(mode);
        var amina = host.Telegram.User(6003);
        await amina.JoinAsync();

        // Telegram takes the reply request but never answers; the host dies with the reply in flight, and Telegram
        // never delivers it (the request was cut off before it was done).
        await AllRepliesRecordedAsSentAsync(host, "6003");
        host.Telegram.HeldSendsDeliverOnHangUp = false;
        host.Telegram.HoldSends();
        amina.Send("Police never come when we call.");
        await host.Telegram.WaitUntilAsync(() => host.Telegram.HeldSends > 0, TimeSpan.FromSeconds(10), "the reply to be in flight");
        Assert.Single(await SubmissionsOfAsync(host, "6003"));
        await host.StopHostAsync();
        await host.Telegram.WaitUntilAsync(() => host.Telegram.HeldSends == 0, TimeSpan.FromSeconds(10), "the dead host's connection to drop");
        host.Telegram.ReleaseSends();

        await host.StartHostAsync();
        await amina.ExpectAsync("Safety and security");
        Assert.Empty(await amina.DrainAsync(Quiet));
        Assert.Single(await SubmissionsOfAsync(host, "6003"));
        Assert.All(await host.Storage.Outbox.ListByConversationAsync(new ConversationKey("telegram", "6003")), item => Assert.NotNull(item.SentAt));
    }

    [Fact]
    public async Task UnderInjected429sTheSenderWaitsRetryAfterAndNothingIsLost()
    {
        await using var host = await TelegramTestHost.StartAsync(TelegramMode.Polling);
        var amina = host.Telegram.User(6004);
        host.Telegram.Fail("sendMessage", FakeFault.TooManyRequests(retryAfter: 1), times: 2);

        amina.Send("/start community");
        await amina.ExpectAsync("Do you agree?", TimeSpan.FromSeconds(20));

        var sends = host.Telegram.CallsOf("sendMessage");
        Assert.Equal(3, sends.Count);
        Assert.True(sends[1].At - sends[0].At >= TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(20), $"second try after {sends[1].At - sends[0].At}");
        Assert.True(sends[2].At - sends[1].At >= TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(20), $"third try after {sends[2].At - sends[1].At}");
        Assert.Single(host.Telegram.SentTo(6004));
    }

    [Fact]
    public async Task ServerErrorsAreRetriedWithBackoffAndNothingIsLost()
    {
        await using var host = await TelegramTestHost.StartAsync(TelegramMode.Webhook);
        var amina = host.Telegram.User(6005);
        host.Telegram.Fail("sendMessage", FakeFault.ServerError(502), times: 1);
        host.Telegram.Fail("sendMessage", FakeFault.ServerError(500), times: 1);

        amina.Send("/start community");
        await amina.ExpectAsync("Do you agree?", TimeSpan.FromSeconds(20));
        Assert.Equal(3, host.Telegram.CallsOf("sendMessage").Count);
    }

    [Fact]
    public async Task A403MarksTheParticipantUnreachableAndIsNotRetried()
    {
        await using var host = await TelegramTestHost.StartAsync(TelegramMode.Polling);
        var amina = host.Telegram.User(6006);
        await amina.JoinAsync();

        var before = host.Telegram.CallsOf("sendMessage").Count;
        host.Telegram.Fail("sendMessage", FakeFault.Blocked(), times: 1);
        amina.Send("/help");
        await host.Telegram.WaitUntilAsync(() => host.Telegram.CallsOf("sendMessage").Count == before + 1, TimeSpan.FromSeconds(10), "the refused send");
        await WaitForAsync(async () => (await host.Storage.Participants.FindByChannelUserAsync("telegram", "6006"))!.Unreachable, "the participant to be marked unreachable");
        Assert.Empty(await amina.DrainAsync(Quiet));
        var refused = (await host.Storage.Outbox.ListByConversationAsync(new ConversationKey("telegram", "6006")))[^1];
        Assert.NotNull(refused.FailedAt);
    }

    [Fact]
    public async Task BlockingAndUnblockingTheBotChangesReachability()
    {
        await using var host = await TelegramTestHost.StartAsync(TelegramMode.Webhook);
        var amina = host.Telegram.User(6007);
        await amina.JoinAsync();

        amina.Block();
        await WaitForAsync(async () => (await host.Storage.Participants.FindByChannelUserAsync("telegram", "6007"))!.Unreachable, "unreachable");
        amina.Unblock();
        await WaitForAsync(async () => !(await host.Storage.Participants.FindByChannelUserAsync("telegram", "6007"))!.Unreachable, "reachable again");
        Assert.Empty(await amina.DrainAsync(Quiet)); // neither is answered
    }

    [Theory]
    [InlineData(TelegramMode.Polling)]
    [InlineData(TelegramMode.Webhook)]
    public async Task PhotosAndStickersGetAPoliteTextOnlyAnswer(TelegramMode mode)
    {
        await using var host = await TelegramTestHost.StartAsync(mode);
        var amina = host.Telegram.User(6008);
        await amina.JoinAsync();
        amina.SendPhoto();
        await amina.ExpectAsync("I can only read text for now");
        amina.SendSticker();
        await amina.ExpectAsync("I can only read text for now");
        Assert.Empty(await SubmissionsOfAsync(host, "6008"));
    }

    [Fact]
    public async Task ANineThousandCharacterReplyArrivesAsThreeWellFormedMessages()
    {
        await using var host = await TelegramTestHost.StartAsync(TelegramMode.Polling);
        var paragraphs = Enumerable.Range(1, 9).Select(n => $"*Finding {n}.* " + string.Concat(Enumerable.Repeat("People in the ward said water and health come first. ", 18)).TrimEnd());
        var text = string.Join("\n\n", paragraphs);
        text += new string('.', 9000 - text.Length);
        Assert.Equal(9000, text.Length);
        var reply = new Activity { Text = text, SuggestedActions = new SuggestedActions([new CardAction("imBack", "OK", "OK")]), ChannelData = ChoiceKeys.ToChannelData([new("ok", "OK")]) };
        await host.Storage.Outbox.EnqueueAsync([new OutboxEntry("telegram", "6009", ActivityJson.Serialize(reply), DateTimeOffset.UtcNow)]);

        await host.Telegram.WaitUntilAsync(() => host.Telegram.SentTo(6009).Count == 3, TimeSpan.FromSeconds(10), "three messages");
        var messages = host.Telegram.SentTo(6009);
        Assert.All(messages, m => Assert.True(m.IsWellFormed(), m.Text));
        Assert.All(messages, m => Assert.InRange(m.Text!.Length, 1, 4096));
        Assert.All(messages, m => Assert.StartsWith("Finding", m.Text, StringComparison.Ordinal));
        Assert.Equal(9, messages.Sum(m => m.Entities!.Count));
        Assert.Empty(messages[0].Buttons);
        Assert.Equal([("OK", "ok")], messages[2].Buttons);
    }

    [Fact]
    public async Task A429InTheMiddleOfALongReplyDoesNotRepeatThePartsAlreadySent()
    {
        await using var host = await TelegramTestHost.StartAsync(TelegramMode.Polling);
        var text = string.Join("\n\n", Enumerable.Range(1, 3).Select(n => $"Part {n} " + new string('x', 4000)));
        await host.Storage.Outbox.EnqueueAsync([new OutboxEntry("telegram", "6010", ActivityJson.Serialize(new Activity { Text = text }), DateTimeOffset.UtcNow)]);
        await host.Telegram.WaitUntilAsync(() => host.Telegram.SentTo(6010).Count == 1, TimeSpan.FromSeconds(10), "the first part");
        host.Telegram.Fail("sendMessage", FakeFault.TooManyRequests(1));

        await host.Telegram.WaitUntilAsync(() => host.Telegram.SentTo(6010).Count == 3, TimeSpan.FromSeconds(10), "every part");
        Assert.Equal(["Part 1", "Part 2", "Part 3"], host.Telegram.SentTo(6010).Select(m => m.Text![..6]));
    }

    private static async Task<IReadOnlyList<CitizenData.Feedback.Submissions.Submission>> SubmissionsOfAsync(TelegramTestHost host, string userId)
    {
        var participant = await host.Storage.Participants.FindByChannelUserAsync("telegram", userId);
        return participant is null ? [] : await host.Storage.Submissions.ListByParticipantAsync(participant.Id);
    }

    private static Task AllRepliesRecordedAsSentAsync(TelegramTestHost host, string chat) =>
        WaitForAsync(
            async () => (await host.Storage.Outbox.ListByConversationAsync(new ConversationKey("telegram", chat))).All(i => i.SentAt is not null),
            "every reply recorded as sent");

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }
}

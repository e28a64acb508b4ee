using CitizenData.Feedback.Participants;
using CitizenData.Feedback.Storage;

namespace CitizenData.Feedback.Tests.Storage;

/// <summary>What every adapter of <see cref="IDirectLineStore"/> must do, inherited by each adapter's test class.</summary>
public abstract class DirectLineStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    protected IFeedbackStorage Storage { get; private set; } = null!;

    private IDirectLineStore DirectLine => Storage.DirectLine;

    protected abstract Task<IFeedbackStorage> CreateStorageAsync();

    public async Task InitializeAsync()
    {
        Storage = await CreateStorageAsync();
        await Storage.MigrateAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task A_conversation_is_created_once_and_keeps_its_owner()
    {
        Assert.True(await DirectLine.CreateConversationAsync(Conversation("c1", "dl_a")));
        Assert.False(await DirectLine.CreateConversationAsync(Conversation("c1", "dl_b")));

        var found = await DirectLine.FindConversationAsync("c1");

        Assert.Equal(("c1", "dl_a", 0L), (found?.ConversationId, found?.UserId, found?.LastSequence));
        Assert.Null(await DirectLine.FindConversationAsync("c2"));
    }

    [SkippableFact]
    public async Task Appends_get_consecutive_sequences_per_conversation_and_read_from_a_watermark()
    {
        await DirectLine.CreateConversationAsync(Conversation("c1", "dl_a"));
        await DirectLine.CreateConversationAsync(Conversation("c2", "dl_b"));
        for (var i = 0; i < 3; i++)
            await DirectLine.AppendAsync("c1", $"k{i}", sequence => $$"""{"n":{{sequence}}}""", Noon);
        var other = await DirectLine.AppendAsync("c2", "k0", _ => "{}", Noon);

        var all = await DirectLine.ReadAsync("c1", 0, 100);
        var afterFirst = await DirectLine.ReadAsync("c1", 1, 1);

        Assert.Equal([1L, 2L, 3L], all.Select(e => e.Sequence));
        Assert.Equal("""{"n":2}""", all[1].Document);
        Assert.Equal(2, Assert.Single(afterFirst).Sequence);
        Assert.Equal(1, other.Sequence);
        Assert.Empty(await DirectLine.ReadAsync("c1", 3, 100));
    }

    [SkippableFact]
    public async Task Appending_the_same_source_key_again_appends_nothing()
    {
        await DirectLine.CreateConversationAsync(Conversation("c1", "dl_a"));

        var first = await DirectLine.AppendAsync("c1", "outbox:7", _ => "{}", Noon);
        var again = await DirectLine.AppendAsync("c1", "outbox:7", _ => """{"twice":true}""", Noon);

        Assert.Equal((1L, true), (first.Sequence, first.Appended));
        Assert.Equal((1L, false), (again.Sequence, again.Appended));
        Assert.Equal("{}", Assert.Single(await DirectLine.ReadAsync("c1", 0, 100)).Document);
    }

    [SkippableFact]
    public async Task An_append_with_an_inbox_entry_commits_both()
    {
        await DirectLine.CreateConversationAsync(Conversation("c1", "dl_a"));

        var appended = await DirectLine.AppendAsync("c1", "user:1", _ => "{}", Noon, sequence => new InboxEntry("directline", $"c1|{sequence}", "c1", "{}", Noon));
        var replayed = await Storage.Inbox.TryAddAsync(new InboxEntry("directline", "c1|1", "c1", "{}", Noon));

        Assert.True(appended.InboxAdded);
        Assert.False(replayed);
        Assert.Equal("c1|1", Assert.Single(await Storage.Inbox.PendingAsync(10)).UpdateKey);
    }

    [SkippableFact]
    public async Task Appending_to_an_unknown_conversation_fails_and_stores_nothing()
    {
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
            DirectLine.AppendAsync("nope", "k", _ => "{}", Noon, _ => new InboxEntry("directline", "nope|1", "nope", "{}", Noon)));

        Assert.Empty(await Storage.Inbox.PendingAsync(10));
    }

    [SkippableFact]
    public async Task Erasing_the_participant_empties_the_log_and_sequences_go_on()
    {
        await DirectLine.CreateConversationAsync(Conversation("c1", "dl_a"));
        await DirectLine.AppendAsync("c1", "k1", _ => """{"text":"my secret words"}""", Noon);
        await DirectLine.AppendAsync("c1", "k2", _ => "{}", Noon);
        await Storage.Participants.SaveAsync(WebChatParticipant("p1", "dl_a", "c1"));

        Assert.True(await Storage.Participants.EraseAsync("p1"));
        var after = await DirectLine.AppendAsync("c1", "k3", _ => "{}", Noon);

        Assert.Equal(3, after.Sequence);
        Assert.Equal([3L], (await DirectLine.ReadAsync("c1", 0, 100)).Select(e => e.Sequence));
        await AssertNothingStoredMentionsAsync("my secret words");
    }

    [SkippableFact]
    public async Task Old_entries_of_one_kind_are_deleted_and_the_rest_stay()
    {
        await DirectLine.CreateConversationAsync(Conversation("c1", "dl_a"));
        await DirectLine.AppendAsync("c1", "user:old", _ => "{}", Noon.AddDays(-2));
        await DirectLine.AppendAsync("c1", "outbox:1", _ => "{}", Noon.AddDays(-2));
        await DirectLine.AppendAsync("c1", "user:new", _ => "{}", Noon);

        var deleted = await DirectLine.DeleteActivitiesAsync("user:", Noon.AddDays(-1));

        Assert.Equal(1, deleted);
        Assert.Equal(["outbox:1", "user:new"], (await DirectLine.ReadAsync("c1", 0, 100)).Select(e => e.SourceKey));
    }

    [SkippableFact]
    public async Task A_setting_is_created_once_and_then_read_back()
    {
        var first = await DirectLine.GetOrCreateSettingAsync("secret", () => "one");
        var second = await DirectLine.GetOrCreateSettingAsync("secret", () => "two");

        Assert.Equal(("one", "one"), (first, second));
    }

    /// <summary>Looks through everything the adapter stores.</summary>
    protected abstract Task AssertNothingStoredMentionsAsync(params string[] needles);

    private static DirectLineConversation Conversation(string id, string user) => new(id, user, Noon, """{"locale":"en"}""");

    private static Participant WebChatParticipant(string id, string userId, string conversationId) => new()
    {
        Id = id,
        Channel = "directline",
        ChannelUserId = userId,
        ConversationId = conversationId,
        CampaignCode = "community",
        Language = "en",
        Consent = new ConsentRecord("1", "en", Noon),
        CreatedAt = Noon,
    };
}

using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Participants;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Submissions;
using CitizenData.Feedback.Themes;

namespace CitizenData.Feedback.Tests.Storage;

/// <summary>
/// What every storage adapter must do, written once (as Bot Builder's StorageBaseTests are) and inherited by each
/// adapter's test class.
/// </summary>
public abstract partial class StorageContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    protected IFeedbackStorage Storage { get; private set; } = null!;

    protected abstract Task<IFeedbackStorage> CreateStorageAsync();

    public async Task InitializeAsync()
    {
        Storage = await CreateStorageAsync();
        await Storage.MigrateAsync();
        await Storage.MigrateAsync(); // migrating twice is harmless
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task A_campaign_round_trips_and_a_stale_write_fails()
    {
        var saved = await Storage.Campaigns.SaveAsync(NewCampaign("rivers"));
        Assert.Equal(1, saved.Version);
        var loaded = await Storage.Campaigns.GetAsync("rivers");
        Assert.NotNull(loaded);
        Assert.Equal("Rivers", loaded.Titles["en"]);
        Assert.Equal(["water_sanitation", "other"], loaded.Taxonomy.Keys);

        var edited = await Storage.Campaigns.SaveAsync(loaded with { PrivacyThreshold = 12 });
        Assert.Equal(2, edited.Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Campaigns.SaveAsync(loaded with { PrivacyThreshold = 5 }));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Campaigns.SaveAsync(NewCampaign("rivers")));
        Assert.Equal(12, (await Storage.Campaigns.GetAsync("rivers"))!.PrivacyThreshold);
        Assert.Contains(await Storage.Campaigns.ListAsync(), c => c.Code == "rivers");
    }

    [SkippableFact]
    public async Task A_participant_is_found_by_channel_user_and_conversation_and_a_stale_write_fails()
    {
        var saved = await Storage.Participants.SaveAsync(NewParticipant("p1", "user-1"));
        Assert.Equal(1, saved.Version);
        Assert.Equal("p1", (await Storage.Participants.FindByChannelUserAsync("test", "user-1"))?.Id);
        Assert.Equal("p1", (await Storage.Participants.FindByConversationAsync("test", "chat-user-1"))?.Id);
        Assert.Null(await Storage.Participants.FindByChannelUserAsync("other", "user-1"));

        var updated = await Storage.Participants.SaveAsync(saved with { OptedOut = true });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Participants.SaveAsync(saved with { Language = "fr" }));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Participants.SaveAsync(NewParticipant("p2", "user-1")));
        var loaded = await Storage.Participants.GetAsync("p1");
        Assert.Equal((true, "en", updated.Version), (loaded!.OptedOut, loaded.Language, loaded.Version));
        Assert.Single(await Storage.Participants.ListByCampaignAsync("community"));
    }

    [SkippableFact]
    public async Task Submissions_stream_by_campaign_in_order_within_a_period_and_a_stale_write_fails()
    {
        await Storage.Participants.SaveAsync(NewParticipant("p1", "user-1"));
        for (var hour = 0; hour < 5; hour++)
            await Storage.Submissions.SaveAsync(NewSubmission($"s{hour}", "p1", Noon.AddHours(hour)));

        var all = await ToListAsync(Storage.Submissions.StreamByCampaignAsync("community"));
        Assert.Equal(["s0", "s1", "s2", "s3", "s4"], all.Select(s => s.Id));
        var middle = await ToListAsync(Storage.Submissions.StreamByCampaignAsync("community", Noon.AddHours(1), Noon.AddHours(3)));
        Assert.Equal(["s1", "s2"], middle.Select(s => s.Id));

        var first = (await Storage.Submissions.GetAsync("s0"))!;
        await Storage.Submissions.SaveAsync(first with { Theme = "health", LabelSource = LabelSource.Reviewer });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Submissions.SaveAsync(first with { Theme = "education" }));
        Assert.Equal("health", (await Storage.Submissions.GetAsync("s0"))!.Theme);
        Assert.Equal("s3", (await Storage.Submissions.FindByChannelMessageAsync("p1", "msg-s3"))?.Id);
    }

    [SkippableFact]
    public async Task A_stale_conversation_state_write_fails()
    {
        var key = new ConversationKey("test", "chat-1");
        Assert.Null(await Storage.ConversationStates.LoadAsync(key));
        Assert.Equal(1, await Storage.ConversationStates.SaveAsync(key, "{\"step\":1}", 0));
        Assert.Equal(2, await Storage.ConversationStates.SaveAsync(key, "{\"step\":2}", 1));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.ConversationStates.SaveAsync(key, "{\"step\":3}", 1));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.ConversationStates.SaveAsync(key, "{\"step\":3}", 0));
        Assert.Equal(new StoredState("{\"step\":2}", 2), await Storage.ConversationStates.LoadAsync(key));
    }

    [SkippableFact]
    public async Task A_replayed_inbox_key_is_ignored()
    {
        Assert.True(await Storage.Inbox.TryAddAsync(new InboxEntry("telegram", "1001", "chat-1", "{\"text\":\"first\"}", Noon)));
        Assert.False(await Storage.Inbox.TryAddAsync(new InboxEntry("telegram", "1001", "chat-1", "{\"text\":\"replayed\"}", Noon)));
        Assert.True(await Storage.Inbox.TryAddAsync(new InboxEntry("directline", "1001", "chat-1", "{}", Noon)));

        var pending = await Storage.Inbox.PendingAsync(10);
        Assert.Equal(2, pending.Count);
        Assert.Equal("{\"text\":\"first\"}", pending[0].Payload);
        Assert.True(pending[0].Sequence < pending[1].Sequence);

        await Storage.Turns.CommitAsync(new TurnCommit { Conversation = pending[0].Conversation, InboxSequence = pending[0].Sequence });
        Assert.False(await Storage.Inbox.TryAddAsync(new InboxEntry("telegram", "1001", "chat-1", "{\"text\":\"replayed after processing\"}", Noon)));
        Assert.Equal(1, await Storage.Inbox.CountPendingAsync());
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Storage.Turns.CommitAsync(new TurnCommit { Conversation = pending[0].Conversation, InboxSequence = pending[0].Sequence }));
    }

    [SkippableFact]
    public async Task Inbox_failures_are_counted()
    {
        await Storage.Inbox.TryAddAsync(new InboxEntry("telegram", "7", "chat-1", "{}", Noon));
        var item = Assert.Single(await Storage.Inbox.PendingAsync(10));
        await Storage.Inbox.RecordFailureAsync(item.Sequence, "boom");
        Assert.Equal(1, Assert.Single(await Storage.Inbox.PendingAsync(10)).Attempts);
    }

    [SkippableFact]
    public async Task The_outbox_keeps_order_and_tracks_sent_retried_and_failed_messages()
    {
        await Storage.Outbox.EnqueueAsync(
        [
            new OutboxEntry("telegram", "chat-1", "one", Noon),
            new OutboxEntry("telegram", "chat-1", "two", Noon),
            new OutboxEntry("telegram", "chat-2", "three", Noon, "broadcast-1"),
            new OutboxEntry("directline", "conv-1", "four", Noon),
        ]);
        var pending = await Storage.Outbox.PendingAsync("telegram", 10);
        Assert.Equal(["one", "two", "three"], pending.Select(p => p.Payload));
        Assert.Equal("broadcast-1", pending[2].GroupKey);

        await Storage.Outbox.MarkSentAsync(pending[0].Sequence, Noon);
        await Storage.Outbox.RescheduleAsync(pending[1].Sequence, Noon.AddSeconds(30), "429");
        await Storage.Outbox.MarkFailedAsync(pending[2].Sequence, "403 blocked");

        var after = await Storage.Outbox.PendingAsync("telegram", 10);
        var retried = Assert.Single(after);
        Assert.Equal(("two", Noon.AddSeconds(30), 1, "429"), (retried.Payload, retried.NotBefore, retried.Attempts, retried.LastError));
        var history = await Storage.Outbox.ListByConversationAsync(new ConversationKey("telegram", "chat-1"));
        Assert.Equal(Noon, history[0].SentAt);
        Assert.NotNull((await Storage.Outbox.ListByConversationAsync(new ConversationKey("telegram", "chat-2")))[0].FailedAt);
    }

    [SkippableFact]
    public async Task A_turn_commits_everything_or_nothing()
    {
        var conversation = new ConversationKey("test", "chat-user-1");
        await Storage.Inbox.TryAddAsync(new InboxEntry("test", "u1", conversation.ConversationId, "{}", Noon));
        var item = Assert.Single(await Storage.Inbox.PendingAsync(10));
        await Storage.ConversationStates.SaveAsync(conversation, "{\"v\":1}", 0);

        // Based on state version 0, but version 1 is stored: nothing of this turn may be written.
        var stale = new TurnCommit { Conversation = conversation, InboxSequence = item.Sequence, StateDocument = "{\"v\":2}", ExpectedStateVersion = 0 };
        stale.Participants.Add(NewParticipant("p1", "user-1"));
        stale.Submissions.Add(NewSubmission("s1", "p1", Noon));
        stale.Outgoing.Add(new OutboxEntry("test", conversation.ConversationId, "reply", Noon));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Turns.CommitAsync(stale));

        Assert.Null(await Storage.Participants.GetAsync("p1"));
        Assert.Null(await Storage.Submissions.GetAsync("s1"));
        Assert.Empty(await Storage.Outbox.PendingAsync("test", 10));
        Assert.Single(await Storage.Inbox.PendingAsync(10));

        var current = new TurnCommit { Conversation = conversation, InboxSequence = item.Sequence, StateDocument = "{\"v\":2}", ExpectedStateVersion = 1 };
        current.Participants.Add(NewParticipant("p1", "user-1"));
        current.Submissions.Add(NewSubmission("s1", "p1", Noon));
        current.Outgoing.Add(new OutboxEntry("test", conversation.ConversationId, "reply", Noon));
        await Storage.Turns.CommitAsync(current);

        Assert.NotNull(await Storage.Participants.GetAsync("p1"));
        Assert.NotNull(await Storage.Submissions.GetAsync("s1"));
        Assert.Single(await Storage.Outbox.PendingAsync("test", 10));
        Assert.Empty(await Storage.Inbox.PendingAsync(10));
        Assert.Equal(2, (await Storage.ConversationStates.LoadAsync(conversation))!.Version);
    }

    [SkippableFact]
    public async Task Erasing_a_participant_removes_every_record_about_them()
    {
        var conversation = new ConversationKey("test", "chat-user-1");
        await Storage.Participants.SaveAsync(NewParticipant("p1", "user-1"));
        await Storage.Participants.SaveAsync(NewParticipant("p2", "user-2"));
        await Storage.Submissions.SaveAsync(NewSubmission("s1", "p1", Noon, "my neighbour Wanjiru at 0722000111 has no water"));
        await Storage.Submissions.SaveAsync(NewSubmission("s2", "p2", Noon, "the school roof leaks"));
        await Storage.ConversationStates.SaveAsync(conversation, "{\"language\":\"sw\"}", 0);
        await Storage.Inbox.TryAddAsync(new InboxEntry("test", "u1-1", conversation.ConversationId, "{\"text\":\"my neighbour Wanjiru at 0722000111 has no water\"}", Noon));
        await Storage.Outbox.EnqueueAsync([new OutboxEntry("test", conversation.ConversationId, "{\"text\":\"Asante Wanjiru\"}", Noon)]);

        Assert.True(await Storage.Participants.EraseAsync("p1"));

        Assert.Null(await Storage.Participants.GetAsync("p1"));
        Assert.Null(await Storage.Participants.FindByChannelUserAsync("test", "user-1"));
        Assert.Empty(await Storage.Submissions.ListByParticipantAsync("p1"));
        Assert.Null(await Storage.Submissions.GetAsync("s1"));
        Assert.Null(await Storage.ConversationStates.LoadAsync(conversation));
        Assert.Empty(await Storage.Outbox.ListByConversationAsync(conversation));
        Assert.DoesNotContain(await Storage.Inbox.PendingAsync(10), i => i.ConversationId == conversation.ConversationId);
        // The update key survives without content, so a replay of it is still recognised.
        Assert.False(await Storage.Inbox.TryAddAsync(new InboxEntry("test", "u1-1", conversation.ConversationId, "{}", Noon)));
        await AssertNothingStoredMentionsAsync("p1", "user-1", "Wanjiru", "0722000111", "chat-user-1");

        Assert.NotNull(await Storage.Submissions.GetAsync("s2"));
        Assert.False(await Storage.Participants.EraseAsync("p1"));
    }

    [SkippableFact]
    public async Task Submissions_are_queried_by_filters_including_the_participants_location_and_paged_newest_first()
    {
        await Storage.Participants.SaveAsync(NewParticipant("p1", "user-1"));
        await Storage.Participants.SaveAsync(NewParticipant("p2", "user-2") with { Profile = new Dictionary<string, string> { ["location"] = "Mathare" } });
        for (var i = 0; i < 4; i++)
            await Storage.Submissions.SaveAsync(NewSubmission($"s{i}", i < 3 ? "p1" : "p2", Noon.AddHours(i)) with { Theme = i % 2 == 0 ? "health" : "education", NeedsReview = i == 1 });

        var kibera = await Storage.Submissions.QueryAsync(new SubmissionQuery("community") { Location = "Kibera" }, 0, 2);
        Assert.Equal(3, kibera.Total);
        Assert.Equal(["s2", "s1"], kibera.Items.Select(s => s.Id));
        Assert.Equal(["s2"], (await Storage.Submissions.QueryAsync(new SubmissionQuery("community") { Theme = "health", From = Noon.AddHours(1) }, 0, 10)).Items.Where(s => s.ParticipantId == "p1").Select(s => s.Id));
        Assert.Equal(["s1"], (await Storage.Submissions.QueryAsync(new SubmissionQuery("community") { NeedsReview = true }, 0, 10)).Items.Select(s => s.Id));
        Assert.Equal(0, (await Storage.Submissions.QueryAsync(new SubmissionQuery("community") { Source = SubmissionSource.Group }, 0, 10)).Total);

        var profiled = await ToListAsync(Storage.Submissions.StreamProfiledAsync(new SubmissionQuery("community")));
        Assert.Equal(["Kibera", "Kibera", "Kibera", "Mathare"], profiled.Select(p => p.Profile["location"]));
        var statistics = await Storage.Submissions.StatisticsAsync(new SubmissionQuery("community"));
        Assert.Equal((4L, Noon, Noon.AddHours(3), 2L), (statistics.Count, statistics.FirstReceivedAt, statistics.LastReceivedAt, statistics.Participants));
        Assert.Equal(["1"], statistics.ConsentVersions);
    }

    [SkippableFact]
    public async Task A_review_relabels_atomically_with_a_version_check_and_is_erased_with_the_participant()
    {
        await Storage.Participants.SaveAsync(NewParticipant("p1", "user-1"));
        var submission = await Storage.Submissions.SaveAsync(NewSubmission("s1", "p1", Noon) with { NeedsReview = true, Confidence = 0.3 });
        Assert.Equal(["s1"], (await Storage.Submissions.ReviewQueueAsync("community", 10)).Select(s => s.Id));

        var review = new ReviewRecord("s1", "community", "amina", "health", "water_sanitation", LabelSource.Model, false, Noon);
        await Storage.Submissions.RecordReviewAsync(review, submission with { Theme = "health", LabelSource = LabelSource.Reviewer, NeedsReview = false });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Submissions.RecordReviewAsync(review, submission with { Theme = "education" }));
        Assert.Equal(("health", LabelSource.Reviewer), ((await Storage.Submissions.GetAsync("s1"))!.Theme, (await Storage.Submissions.GetAsync("s1"))!.LabelSource));
        Assert.Empty(await Storage.Submissions.ReviewQueueAsync("community", 10));
        await Storage.Submissions.RecordReviewAsync(review with { SecondReview = true, Reviewer = "juma", PreviousTheme = "health" }, null);
        Assert.Single(await Storage.Submissions.ListSecondReviewsAsync("community"));

        await Storage.Participants.EraseAsync("p1");
        Assert.Empty(await Storage.Submissions.ListSecondReviewsAsync("community"));
        await AssertNothingStoredMentionsAsync("p1", "user-1", "s1");
    }

    /// <summary>Adapter-specific: looks at every stored record for these strings.</summary>
    protected abstract Task AssertNothingStoredMentionsAsync(params string[] needles);

    protected static Campaign NewCampaign(string code) => new()
    {
        Code = code,
        Titles = new Dictionary<string, string> { ["en"] = "Rivers", ["sw"] = "Mito" },
        Questions = new Dictionary<string, string> { ["en"] = "What about the river?" },
        Languages = ["en", "sw"],
        Taxonomy = new ThemeTaxonomy(
        [
            new Theme { Key = "water_sanitation", Names = new Dictionary<string, string> { ["en"] = "Water" } },
            new Theme { Key = "other", Names = new Dictionary<string, string> { ["en"] = "Other" } },
        ]),
    };

    protected static Participant NewParticipant(string id, string userId) => new()
    {
        Id = id,
        Channel = "test",
        ChannelUserId = userId,
        ConversationId = "chat-" + userId,
        CampaignCode = "community",
        Language = "en",
        Consent = new ConsentRecord("1", "en", Noon),
        QuoteConsent = true,
        Profile = new Dictionary<string, string> { ["location"] = "Kibera" },
        CreatedAt = Noon,
    };

    protected static Submission NewSubmission(string id, string participantId, DateTimeOffset at, string text = "The borehole is broken") => new()
    {
        Id = id,
        ParticipantId = participantId,
        CampaignCode = "community",
        Channel = "test",
        Source = SubmissionSource.Resident,
        Language = "en",
        Text = text,
        ReceivedAt = at,
        ConsentVersion = "1",
        ChannelMessageKey = "msg-" + id,
        Theme = "water_sanitation",
        Confidence = 0.8,
        LabelSource = LabelSource.Model,
    };

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
            list.Add(item);
        return list;
    }
}

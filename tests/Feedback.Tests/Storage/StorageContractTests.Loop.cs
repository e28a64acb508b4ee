using CitizenData.Feedback.Actions;
using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Storage;

namespace CitizenData.Feedback.Tests.Storage;

/// <summary>The contract of the ports that close the loop: summary aggregates, broadcasts, actions.</summary>
public abstract partial class StorageContractTests
{
    [SkippableFact]
    public async Task Summary_counts_add_up_per_profile_cell_and_theme_and_follow_profile_changes()
    {
        var amina = await Storage.Participants.SaveAsync(NewParticipant("p1", "user-1") with { Profile = new Dictionary<string, string> { ["location"] = "Kibera", ["gender"] = "woman" } });
        await Storage.Participants.SaveAsync(NewParticipant("p2", "user-2") with { Profile = new Dictionary<string, string> { ["gender"] = "woman", ["location"] = "Kibera" }, QuoteConsent = false });
        await Storage.Participants.SaveAsync(NewParticipant("p3", "user-3") with { Profile = new Dictionary<string, string>() });
        await Storage.Submissions.SaveAsync(NewSubmission("s1", "p1", Noon));
        await Storage.Submissions.SaveAsync(NewSubmission("s2", "p1", Noon.AddHours(1)) with { Theme = "health", LabelSource = CitizenData.Feedback.Submissions.LabelSource.Citizen });
        await Storage.Submissions.SaveAsync(NewSubmission("s3", "p1", Noon.AddHours(2)));
        await Storage.Submissions.SaveAsync(NewSubmission("s4", "p2", Noon, "The clinic has no nurse on weekends at all") with { Theme = "health" });
        await Storage.Submissions.SaveAsync(NewSubmission("s5", "p3", Noon) with { Theme = null, Confidence = null, LabelSource = CitizenData.Feedback.Submissions.LabelSource.None });
        await Storage.Submissions.SaveAsync(NewSubmission("s6", "p3", Noon.AddDays(-3)));

        var counts = await Storage.Summaries.CountAsync("community", Noon.AddDays(-1), Noon.AddDays(1), 0.5);

        Assert.Equal(2, counts.Cells.Count);
        var kibera = counts.Cells.Single(c => c.Profile.Count == 2);
        Assert.Equal(("Kibera", "woman"), (kibera.Profile["location"], kibera.Profile["gender"]));
        Assert.Equal((2, 4), (kibera.Participants, kibera.Inputs));
        Assert.Equal(new(1, 2), kibera.Themes["water_sanitation"]);
        Assert.Equal(new(2, 2), kibera.Themes["health"]);
        var unknown = counts.Cells.Single(c => c.Profile.Count == 0);
        Assert.Equal((1, 1), (unknown.Participants, unknown.Inputs));
        Assert.Equal(new(1, 1), unknown.Themes[CitizenData.Feedback.Summaries.SummaryCounts.Unsorted]);
        Assert.Equal(new CitizenData.Feedback.Summaries.LabelQualityCounts(5, 4, 3, 1), counts.Quality);

        // A changed profile moves the participant's inputs with them.
        await Storage.Participants.SaveAsync(amina with { Profile = new Dictionary<string, string> { ["location"] = "Mathare" } });
        counts = await Storage.Summaries.CountAsync("community", null, null, 0.5);
        Assert.Equal(3, counts.Cells.Single(c => c.Profile.TryGetValue("location", out var l) && l == "Mathare").Inputs);

        var quotes = await Storage.Summaries.QuoteCandidatesAsync("community", null, null, 10);
        Assert.DoesNotContain(quotes, q => q.SubmissionId == "s4"); // p2 did not agree to be quoted
        Assert.DoesNotContain(quotes, q => q.SubmissionId == "s5"); // not sorted
        Assert.Equal("s3", quotes[0].SubmissionId);
    }

    [SkippableFact]
    public async Task A_broadcast_batch_enqueues_each_recipient_once_even_when_run_again()
    {
        var broadcast = await Storage.Broadcasts.SaveAsync(new Broadcast { Id = Broadcast.NewId(), CampaignCode = "community", CreatedAt = Noon });
        await Storage.Participants.SaveAsync(NewParticipant("p1", "user-1"));
        await Storage.Participants.SaveAsync(NewParticipant("p2", "user-2") with { OptedOut = true });
        var page = await Storage.Broadcasts.ParticipantsAfterAsync("community", null, 10);
        Assert.Equal(["p1", "p2"], page.Select(p => p.Id));
        BroadcastRecipient[] batch =
        [
            new("p1", RecipientOutcome.Queued, new OutboxEntry("test", "chat-user-1", "{\"text\":\"results\"}", Noon)),
            new("p2", RecipientOutcome.OptedOut, null),
        ];

        Assert.Equal(1, await Storage.Broadcasts.EnqueueBatchAsync(broadcast.Id, "p2", batch));
        Assert.Equal(0, await Storage.Broadcasts.EnqueueBatchAsync(broadcast.Id, "p2", batch));

        Assert.Equal("p2", await Storage.Broadcasts.GetCursorAsync(broadcast.Id));
        Assert.Empty(await Storage.Broadcasts.ParticipantsAfterAsync("community", "p2", 10));
        var pending = Assert.Single(await Storage.Outbox.PendingAsync("test", 10));
        Assert.Equal(broadcast.Id, pending.GroupKey);
        Assert.Equal(new BroadcastCounts(1, 0, 0, 0, 1), await Storage.Broadcasts.CountAsync(broadcast.Id));
        await Storage.Outbox.MarkSentAsync(pending.Sequence, Noon);
        Assert.Equal(new BroadcastCounts(0, 1, 0, 0, 1), await Storage.Broadcasts.CountAsync(broadcast.Id));
        Assert.Equal([broadcast.Id], await Storage.Broadcasts.ReceivedByAsync("p1"));

        await Storage.Broadcasts.SaveMediaAsync(broadcast.Id, "en.png", new BroadcastMedia("image/png", [1, 2, 3]));
        Assert.Equal([1, 2, 3], (await Storage.Broadcasts.GetMediaAsync(broadcast.Id, "en.png"))!.Content);
        var approved = await Storage.Broadcasts.SaveAsync(broadcast with { Status = BroadcastStatus.Approved });
        Assert.Single(await Storage.Broadcasts.ListByStatusAsync(BroadcastStatus.Approved));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Broadcasts.SaveAsync(broadcast with { Status = BroadcastStatus.Cancelled }));
        Assert.Equal(2, approved.Version);
    }

    [SkippableFact]
    public async Task Actions_round_trip_newest_first()
    {
        var older = await Storage.Actions.SaveAsync(NewAction("a1", Noon.AddDays(-2)));
        await Storage.Actions.SaveAsync(NewAction("a2", Noon));

        Assert.Equal(["a2", "a1"], (await Storage.Actions.ListByCampaignAsync("community")).Select(a => a.Id));
        var done = await Storage.Actions.SaveAsync(older with { Status = ActionStatus.Done });
        Assert.Equal(ActionStatus.Done, (await Storage.Actions.GetAsync("a1"))!.Status);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Actions.SaveAsync(older));
        Assert.Equal(2, done.Version);
    }

    private static CampaignAction NewAction(string id, DateTimeOffset date) => new()
    {
        Id = id,
        CampaignCode = "community",
        Themes = ["water_sanitation"],
        Texts = new Dictionary<string, string> { ["en"] = "The county repaired the borehole", ["sw"] = "Kaunti imekarabati kisima" },
        DutyBearer = "County water office",
        Date = date,
        RecordedAt = date,
    };
}

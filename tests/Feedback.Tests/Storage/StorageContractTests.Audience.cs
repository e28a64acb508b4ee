using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Storage;

namespace CitizenData.Feedback.Tests.Storage;

/// <summary>
/// A broadcast's audience over every adapter: the rule the enqueuer sends by is the rule the dashboard counts by, so
/// the count and what is enqueued must agree.
/// </summary>
public abstract partial class StorageContractTests
{
    [SkippableFact]
    public async Task An_audience_counts_exactly_the_participants_a_broadcast_enqueues()
    {
        await Storage.Participants.SaveAsync(NewParticipant("a1", "user-a1"));
        await Storage.Participants.SaveAsync(NewParticipant("a2", "user-a2") with { OptedOut = true });
        await Storage.Participants.SaveAsync(NewParticipant("a3", "user-a3") with { Unreachable = true });
        await Storage.Participants.SaveAsync(NewParticipant("a4", "user-a4") with { Consent = null });
        await Storage.Participants.SaveAsync(NewParticipant("a5", "user-a5") with { Language = "sw" });
        await Storage.Participants.SaveAsync(NewParticipant("a6", "user-a6") with { Profile = new Dictionary<string, string> { ["location"] = "Mathare" } });
        await Storage.Participants.SaveAsync(NewParticipant("a7", "user-a7") with { Channel = "telegram" });
        await Storage.Participants.SaveAsync(NewParticipant("a8", "user-a8") with { Profile = new Dictionary<string, string>() });
        await Storage.Submissions.SaveAsync(NewSubmission("s1", "a1", Noon) with { Theme = "health" });
        await Storage.Submissions.SaveAsync(NewSubmission("s5", "a5", Noon));
        await Storage.Submissions.SaveAsync(NewSubmission("s2", "a2", Noon) with { Theme = "health" });
        var selection = new BroadcastAudienceSelection(Storage.Broadcasts);

        // Consent first; opted-out and unreachable people are counted but not sent to.
        Assert.Equal(new AudienceCount(5, 1, 1), await selection.CountAsync("community", new BroadcastAudience(), pageSize: 3));
        Assert.Equal(new AudienceCount(3, 1, 1), await selection.CountAsync("community", new BroadcastAudience { Locations = ["kibera"] }, pageSize: 2));
        Assert.Equal(new AudienceCount(1, 0, 0), await selection.CountAsync("community", new BroadcastAudience { Languages = ["SW"] }, pageSize: 10));
        Assert.Equal(new AudienceCount(1, 0, 0), await selection.CountAsync("community", new BroadcastAudience { Channels = ["telegram"] }, pageSize: 10));
        Assert.Equal(new AudienceCount(1, 1, 0), await selection.CountAsync("community", new BroadcastAudience { Themes = ["health"] }, pageSize: 1));
        Assert.Equal(new AudienceCount(0, 0, 0), await selection.CountAsync("elsewhere", new BroadcastAudience(), pageSize: 10));

        // Walking the pages as the enqueuer does considers the same people, each once, and the cursor ends at the last id.
        var audience = new BroadcastAudience { Locations = ["Kibera"], Themes = ["health", "water_sanitation"] };
        var considered = new List<ConsideredParticipant>();
        string? cursor = null;
        while (await selection.NextAsync("community", audience, cursor, 2) is { } page)
        {
            considered.AddRange(page.Considered);
            cursor = page.Cursor;
        }
        Assert.Equal("a8", cursor);
        Assert.Equal([("a1", RecipientOutcome.Queued), ("a2", RecipientOutcome.OptedOut), ("a5", RecipientOutcome.Queued)], considered.Select(c => (c.Participant.Id, c.Outcome)));
        var counted = await selection.CountAsync("community", audience, pageSize: 2);
        Assert.Equal(considered.Count(c => c.Outcome == RecipientOutcome.Queued), counted.Recipients);
    }
}

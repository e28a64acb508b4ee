using CitizenData.Feedback.Summaries;

namespace CitizenData.Feedback.Tests.Storage;

/// <summary>The contract of the overview's activity query: per day or week, per channel and language, for a period.</summary>
public abstract partial class StorageContractTests
{
    // A property, not a field: static fields of partial class files initialise in no promised order, and Noon is in another.
    private static DateOnly Tuesday => DateOnly.FromDateTime(Noon.UtcDateTime); // 24 November 2026

    [SkippableFact]
    public async Task Activity_counts_inputs_and_distinct_participants_per_day_channel_and_language_in_the_period()
    {
        await Storage.Participants.SaveAsync(NewParticipant("p1", "user-1"));
        await Storage.Participants.SaveAsync(NewParticipant("p2", "user-2"));
        await Storage.Participants.SaveAsync(NewParticipant("p3", "user-3"));
        var start = Noon.AddHours(-12); // midnight starting the Tuesday
        await Storage.Submissions.SaveAsync(NewSubmission("s1", "p1", start) with { Channel = "telegram" });
        await Storage.Submissions.SaveAsync(NewSubmission("s2", "p1", Noon) with { Channel = "telegram" });
        await Storage.Submissions.SaveAsync(NewSubmission("s3", "p2", Noon.AddHours(11)) with { Channel = "directline", Language = "sw" });
        await Storage.Submissions.SaveAsync(NewSubmission("s4", "p2", Noon.AddDays(2)) with { Channel = "directline", Language = "sw" });
        await Storage.Submissions.SaveAsync(NewSubmission("s5", "p3", Noon.AddDays(2)) with { Channel = "telegram", Language = "fr" });
        // Outside the period: the day before, the end itself (exclusive), and another campaign.
        await Storage.Submissions.SaveAsync(NewSubmission("s6", "p3", start.AddTicks(-1)));
        await Storage.Submissions.SaveAsync(NewSubmission("s7", "p3", start.AddDays(7)));
        await Storage.Submissions.SaveAsync(NewSubmission("s8", "p3", Noon) with { CampaignCode = "rivers" });

        var activity = await Storage.Summaries.ActivityAsync("community", start, start.AddDays(7));

        Assert.Equal(ActivityInterval.Day, activity.Interval);
        Assert.Equal(
            [new ActivityBucket(Tuesday, 3, 2), new ActivityBucket(Tuesday.AddDays(2), 2, 2)],
            activity.Buckets);
        Assert.Equal(new Dictionary<string, int> { ["telegram"] = 3, ["directline"] = 2 }, activity.InputsByChannel);
        Assert.Equal(new Dictionary<string, int> { ["en"] = 2, ["sw"] = 2, ["fr"] = 1 }, activity.InputsByLanguage);
        Assert.Equal(
            [3, 0, 2, 0, 0, 0, 0],
            activity.Timeline(Tuesday, Tuesday.AddDays(6)).Select(b => b.Inputs));

        var nothing = await Storage.Summaries.ActivityAsync("community", start.AddDays(30), start.AddDays(37));
        Assert.Empty(nothing.Buckets);
        Assert.Empty(nothing.InputsByChannel);
    }

    [SkippableFact]
    public async Task Activity_of_a_long_or_open_period_is_counted_per_week_from_monday()
    {
        await Storage.Participants.SaveAsync(NewParticipant("p1", "user-1"));
        await Storage.Participants.SaveAsync(NewParticipant("p2", "user-2"));
        await Storage.Submissions.SaveAsync(NewSubmission("s1", "p1", Noon.AddDays(-100))); // Sunday 16 August
        await Storage.Submissions.SaveAsync(NewSubmission("s2", "p1", Noon.AddDays(-1))); // Monday 23 November
        await Storage.Submissions.SaveAsync(NewSubmission("s3", "p1", Noon));
        await Storage.Submissions.SaveAsync(NewSubmission("s4", "p2", Noon.AddDays(5))); // Sunday 29 November

        var all = await Storage.Summaries.ActivityAsync("community", null, null);

        Assert.Equal(ActivityInterval.Week, all.Interval);
        Assert.Equal(
            [new ActivityBucket(new DateOnly(2026, 8, 10), 1, 1), new ActivityBucket(new DateOnly(2026, 11, 23), 3, 2)],
            all.Buckets);
        Assert.Equal(4, all.InputsByChannel["test"]);

        // An open start runs from the first input (106 days: weeks); 62 days are counted per day, 63 per week.
        Assert.Equal(ActivityInterval.Week, (await Storage.Summaries.ActivityAsync("community", null, Noon.AddDays(6))).Interval);
        var lastWeeks = await Storage.Summaries.ActivityAsync("community", Noon.AddDays(-61), Noon.AddDays(1));
        Assert.Equal(ActivityInterval.Week, lastWeeks.Interval);
        var lastDays = await Storage.Summaries.ActivityAsync("community", Noon.AddDays(-60), Noon.AddDays(1));
        Assert.Equal(ActivityInterval.Day, lastDays.Interval);
        Assert.Equal([Tuesday.AddDays(-1), Tuesday], lastDays.Buckets.Select(b => b.Start));
    }
}

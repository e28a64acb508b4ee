namespace CitizenData.Feedback.Summaries;

/// <summary>
/// How a campaign's inputs arrived in a period: inputs and distinct participants per day (per week when the period is
/// long), and inputs per channel and per language. Shaped as one document, so a document store can answer it with one
/// aggregation. Days are UTC days; weeks start on Monday.
/// </summary>
/// <param name="Buckets">Only days or weeks with inputs, oldest first (<see cref="Timeline"/> fills the gaps).</param>
/// <param name="InputsByChannel">Channel id (<c>telegram</c>, <c>directline</c>, …) → inputs.</param>
/// <param name="InputsByLanguage">Language code → inputs.</param>
public sealed record CampaignActivity(
    ActivityInterval Interval,
    IReadOnlyList<ActivityBucket> Buckets,
    IReadOnlyDictionary<string, int> InputsByChannel,
    IReadOnlyDictionary<string, int> InputsByLanguage)
{
    /// <summary>Periods longer than this many days are counted per week: a bar per day would be too thin to read.</summary>
    public const int MaxDailyBuckets = 62;

    public static CampaignActivity Empty(ActivityInterval interval) => new(interval, [], new Dictionary<string, int>(), new Dictionary<string, int>());

    /// <summary>Days for a period of at most <see cref="MaxDailyBuckets"/> days from <paramref name="first"/> to <paramref name="last"/> (inclusive), else weeks.</summary>
    public static ActivityInterval IntervalFor(DateOnly first, DateOnly last) =>
        last.DayNumber - first.DayNumber < MaxDailyBuckets ? ActivityInterval.Day : ActivityInterval.Week;

    /// <summary>The first day of the bucket holding <paramref name="day"/>: the day itself, or the Monday of its week.</summary>
    public static DateOnly BucketStart(DateOnly day, ActivityInterval interval) =>
        interval == ActivityInterval.Day ? day : day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Every bucket from the one holding <paramref name="first"/> to the one holding <paramref name="last"/>, with zeros where nothing arrived.</summary>
    public IReadOnlyList<ActivityBucket> Timeline(DateOnly first, DateOnly last)
    {
        var step = Interval == ActivityInterval.Day ? 1 : 7;
        var known = Buckets.ToDictionary(b => b.Start);
        var timeline = new List<ActivityBucket>();
        for (var start = BucketStart(first, Interval); start <= last; start = start.AddDays(step))
            timeline.Add(known.GetValueOrDefault(start) ?? new ActivityBucket(start, 0, 0));
        return timeline;
    }
}

public enum ActivityInterval
{
    Day,
    Week,
}

/// <param name="Start">The UTC day, or the Monday starting the week.</param>
/// <param name="Participants">Distinct participants who gave input in the bucket.</param>
public sealed record ActivityBucket(DateOnly Start, int Inputs, int Participants);

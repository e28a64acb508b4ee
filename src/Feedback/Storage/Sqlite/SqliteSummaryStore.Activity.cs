using System.Globalization;
using CitizenData.Feedback.Summaries;

namespace CitizenData.Feedback.Storage.Sqlite;

/// <summary>
/// A period's activity with two range scans of the covering index ix_submissions_activity (campaign, time, participant,
/// channel, language), in one read transaction so both see the same submissions: inputs per channel and language with
/// the first and last time (which decide days or weeks when the period is open), then inputs and distinct participants
/// per bucket. Buckets are cut from the stored time text (sortable UTC, "yyyy-MM-ddT…Z"), so SQLite returns a row per
/// day or week, not per submission.
/// </summary>
internal sealed partial class SqliteSummaryStore
{
    private const string DayOf = "substr(received_at, 1, 10)";

    // 'weekday 1' moves forward to a Monday, so six days back first gives the Monday on or before the day.
    private const string MondayOf = $"date({DayOf}, '-6 days', 'weekday 1')";

    public Task<CampaignActivity> ActivityAsync(string campaignCode, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            // Only the bounds that are set become conditions: "$from IS NULL OR …" would hide the range from the planner.
            var period = "campaign_code = $code"
                + (from is null ? string.Empty : " AND received_at >= $from")
                + (to is null ? string.Empty : " AND received_at < $to");
            (string, object?)[] parameters = [("$code", campaignCode), ("$from", from.ToStored()), ("$to", to.ToStored())];
            await connection.ExecuteAsync(null, "PRAGMA temp_store = MEMORY;", cancellationToken);
            await using var snapshot = connection.BeginTransaction(deferred: true);

            var groups = await connection.QueryAsync(
                snapshot,
                $"""
                SELECT channel, language, COUNT(*), MIN(received_at), MAX(received_at)
                FROM submissions INDEXED BY ix_submissions_activity
                WHERE {period}
                GROUP BY channel, language;
                """,
                r => (Channel: r.GetString(0), Language: r.GetString(1), Inputs: r.GetInt32(2), First: r.GetString(3), Last: r.GetString(4)),
                cancellationToken,
                parameters);
            var firstDay = from is { } f ? DateOnly.FromDateTime(f.UtcDateTime) : groups.Select(g => Day(g.First)).DefaultIfEmpty().Min();
            var lastDay = to is { } t ? DateOnly.FromDateTime(t.UtcDateTime.AddTicks(-1)) : groups.Select(g => Day(g.Last)).DefaultIfEmpty().Max();
            var interval = CampaignActivity.IntervalFor(firstDay, lastDay);
            if (groups.Count == 0)
                return CampaignActivity.Empty(interval);

            var buckets = await connection.QueryAsync(
                snapshot,
                $"""
                SELECT {(interval == ActivityInterval.Day ? DayOf : MondayOf)} AS bucket, COUNT(*), COUNT(DISTINCT participant_id)
                FROM submissions INDEXED BY ix_submissions_activity
                WHERE {period}
                GROUP BY bucket
                ORDER BY bucket;
                """,
                r => new ActivityBucket(Day(r.GetString(0)), r.GetInt32(1), r.GetInt32(2)),
                cancellationToken,
                parameters);
            return new CampaignActivity(
                interval,
                buckets,
                Sum(groups.Select(g => (g.Channel, g.Inputs))),
                Sum(groups.Select(g => (g.Language, g.Inputs))));
        }, cancellationToken);

    private static DateOnly Day(string stored) => DateOnly.ParseExact(stored.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, int> Sum(IEnumerable<(string Key, int Inputs)> rows) =>
        rows.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Inputs), StringComparer.Ordinal);
}

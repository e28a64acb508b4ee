using CitizenData.Feedback.Submissions;

namespace CitizenData.Feedback.Storage.Sqlite;

/// <summary>
/// The WHERE clause of a <see cref="SubmissionQuery"/> over <c>submissions s</c>. The location filter is a second step
/// on participants (their profile document), expressed as a sub-select so SQLite does it in one statement.
/// </summary>
internal static class SqliteSubmissionQueries
{
    public static (string Where, (string Name, object? Value)[] Parameters) Where(SubmissionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var conditions = new List<string> { "s.campaign_code = $code" };
        var parameters = new List<(string, object?)> { ("$code", query.CampaignCode) };
        void Add(string condition, string name, object? value)
        {
            if (value is null)
                return;
            conditions.Add(condition);
            parameters.Add((name, value));
        }
        Add("s.theme = $theme", "$theme", query.Theme);
        Add("s.needs_review = $needs_review", "$needs_review", query.NeedsReview);
        Add("s.language = $language", "$language", query.Language);
        Add("s.channel = $channel", "$channel", query.Channel);
        Add("s.source = $source", "$source", query.Source?.ToString());
        Add("s.label_source = $label_source", "$label_source", query.LabelSource?.ToString());
        Add("s.received_at >= $from", "$from", query.From?.ToStored());
        Add("s.received_at < $to", "$to", query.To?.ToStored());
        Add(
            "s.participant_id IN (SELECT id FROM participants WHERE campaign_code = $code AND json_extract(document, '$.profile.location') = $location)",
            "$location",
            query.Location);
        return ("WHERE " + string.Join(" AND ", conditions), parameters.ToArray());
    }

    /// <summary><see cref="ReviewSample.Bucket"/> in SQL.</summary>
    public const string ReviewBucket =
        "((COALESCE(unicode(substr(s.id, -1, 1)), 0) * 7919 + COALESCE(unicode(substr(s.id, -2, 1)), 0) * 104729 + COALESCE(unicode(substr(s.id, -3, 1)), 0) * 1299709) % 100)";
}

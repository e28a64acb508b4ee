using System.Globalization;
using System.Runtime.CompilerServices;
using CitizenData.Feedback.Submissions;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

internal sealed class SqliteSubmissionStore(SqliteDatabase database) : ISubmissionStore
{
    private const string Columns = "document, version";
    private const string Labelled = "label_source IN ($citizen, $reviewer) AND theme IS NOT NULL";

    private static readonly (string, object?)[] LabelledParameters = [("$citizen", nameof(LabelSource.Citizen)), ("$reviewer", nameof(LabelSource.Reviewer))];

    public Task<Submission?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        SingleAsync("WHERE id = $id", cancellationToken, ("$id", id));

    public Task<Submission?> FindByChannelMessageAsync(string participantId, string channelMessageKey, CancellationToken cancellationToken = default) =>
        SingleAsync("WHERE participant_id = $participant AND channel_message_key = $key", cancellationToken, ("$participant", participantId), ("$key", channelMessageKey));

    public Task<IReadOnlyList<Submission>> ListByParticipantAsync(string participantId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Submission>>(async connection =>
            await connection.QueryAsync(null, $"SELECT {Columns} FROM submissions WHERE participant_id = $participant ORDER BY received_at, id;", Read, cancellationToken, ("$participant", participantId)),
            cancellationToken);

    public async IAsyncEnumerable<Submission> StreamByCampaignAsync(
        string campaignCode,
        DateTimeOffset? since = null,
        DateTimeOffset? until = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            null,
            $"SELECT {Columns} FROM submissions WHERE campaign_code = $code AND ($from IS NULL OR received_at >= $from) AND ($to IS NULL OR received_at < $to) ORDER BY received_at, id;",
            ("$code", campaignCode),
            ("$from", since.ToStored()),
            ("$to", until.ToStored()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return Read(reader);
    }

    public async IAsyncEnumerable<Submission> StreamLabelledAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(null, $"SELECT {Columns} FROM submissions WHERE {Labelled} ORDER BY id;", LabelledParameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return Read(reader);
    }

    public Task<int> CountLabelledAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            Convert.ToInt32(await connection.ScalarAsync(null, $"SELECT COUNT(*) FROM submissions WHERE {Labelled};", cancellationToken, LabelledParameters), CultureInfo.InvariantCulture),
            cancellationToken);

    public Task<Submission> SaveAsync(Submission submission, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => SaveAsync(connection, transaction, submission, cancellationToken), cancellationToken);

    internal static async Task<Submission> SaveAsync(SqliteConnection connection, SqliteTransaction transaction, Submission submission, CancellationToken cancellationToken)
    {
        var version = await VersionedRows.SaveAsync(
            connection, transaction, "submissions", ("id", submission.Id), submission.Version,
            [
                ("participant_id", submission.ParticipantId),
                ("campaign_code", submission.CampaignCode),
                ("channel", submission.Channel),
                ("source", submission.Source.ToString()),
                ("language", submission.Language),
                ("received_at", submission.ReceivedAt.ToStored()),
                ("theme", submission.Theme),
                ("confidence", submission.Confidence),
                ("label_source", submission.LabelSource.ToString()),
                ("needs_review", submission.NeedsReview),
                ("channel_message_key", submission.ChannelMessageKey),
                ("document", StorageJson.Serialize(submission with { Version = 0 })),
            ],
            cancellationToken);
        await ProfileCells.TagSubmissionAsync(connection, transaction, submission.Id, submission.ParticipantId, cancellationToken);
        return submission with { Version = version };
    }

    public Task<SubmissionPage> QueryAsync(SubmissionQuery query, int offset, int limit, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var (where, parameters) = SqliteSubmissionQueries.Where(query);
            var total = (long)(await connection.ScalarAsync(null, $"SELECT COUNT(*) FROM submissions s {where};", cancellationToken, parameters))!;
            var items = await connection.QueryAsync(
                null,
                $"SELECT s.document, s.version FROM submissions s {where} ORDER BY s.received_at DESC, s.id DESC LIMIT $limit OFFSET $offset;",
                Read,
                cancellationToken,
                [.. parameters, ("$limit", limit), ("$offset", offset)]);
            return new SubmissionPage(items, total);
        }, cancellationToken);

    public async IAsyncEnumerable<ProfiledSubmission> StreamProfiledAsync(SubmissionQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (where, parameters) = SqliteSubmissionQueries.Where(query);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            null,
            $"SELECT s.document, s.version, json_extract(p.document, '$.profile') FROM submissions s LEFT JOIN participants p ON p.id = s.participant_id {where} ORDER BY s.received_at, s.id;",
            parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var profile = reader.IsDBNull(2) ? NoProfile : StorageJson.Deserialize<Dictionary<string, string>>(reader.GetString(2));
            yield return new ProfiledSubmission(Read(reader), profile);
        }
    }

    public Task<SubmissionStatistics> StatisticsAsync(SubmissionQuery query, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var (where, parameters) = SqliteSubmissionQueries.Where(query);
            var totals = (await connection.QueryAsync(
                null,
                $"SELECT COUNT(*), MIN(s.received_at), MAX(s.received_at), COUNT(DISTINCT s.participant_id) FROM submissions s {where};",
                r => (Count: r.GetInt64(0), First: r.IsDBNull(1) ? (DateTimeOffset?)null : r.GetTime(r.GetName(1)), Last: r.IsDBNull(2) ? (DateTimeOffset?)null : r.GetTime(r.GetName(2)), Participants: r.GetInt64(3)),
                cancellationToken,
                parameters))[0];
            var byLabel = await connection.QueryAsync(
                null,
                $"SELECT s.label_source, COUNT(*) FROM submissions s {where} GROUP BY s.label_source;",
                r => (Source: Enum.Parse<LabelSource>(r.GetString(0)), Count: r.GetInt64(1)),
                cancellationToken,
                parameters);
            var consent = await connection.QueryAsync(
                null,
                $"SELECT DISTINCT json_extract(s.document, '$.consentVersion') AS v FROM submissions s {where} AND v IS NOT NULL ORDER BY v;",
                r => r.GetString(0),
                cancellationToken,
                parameters);
            var models = await connection.QueryAsync(
                null,
                $"SELECT DISTINCT json_extract(s.document, '$.modelVersion') AS v FROM submissions s {where} AND v IS NOT NULL ORDER BY v;",
                r => r.GetString(0),
                cancellationToken,
                parameters);
            return new SubmissionStatistics(totals.Count, totals.First, totals.Last, byLabel.ToDictionary(l => l.Source, l => l.Count), consent, models, totals.Participants);
        }, cancellationToken);

    public Task<IReadOnlyList<Submission>> ReviewQueueAsync(string campaignCode, int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Submission>>(async connection =>
            await connection.QueryAsync(
                null,
                // Unclassified (no confidence) first, then the least confident.
                "SELECT document, version FROM submissions WHERE campaign_code = $code AND needs_review = 1 ORDER BY confidence IS NOT NULL, confidence, received_at, id LIMIT $max;",
                Read,
                cancellationToken,
                ("$code", campaignCode),
                ("$max", max)),
            cancellationToken);

    public Task<IReadOnlyList<Submission>> SecondReviewCandidatesAsync(string campaignCode, int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Submission>>(async connection =>
            await connection.QueryAsync(
                null,
                $"""
                SELECT s.document, s.version FROM submissions s
                WHERE s.campaign_code = $code AND s.label_source IN ('Reviewer', 'Citizen') AND s.theme IS NOT NULL
                  AND {SqliteSubmissionQueries.ReviewBucket} < $percent
                  AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.submission_id = s.id AND r.second_review = 1)
                ORDER BY s.received_at, s.id LIMIT $max;
                """,
                Read,
                cancellationToken,
                ("$code", campaignCode),
                ("$percent", ReviewSample.Percent),
                ("$max", max)),
            cancellationToken);

    public Task RecordReviewAsync(ReviewRecord review, Submission? relabelled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        return database.WriteAsync(async (connection, transaction) =>
        {
            if (relabelled is not null)
                await SaveAsync(connection, transaction, relabelled, cancellationToken);
            await connection.ExecuteAsync(
                transaction,
                "INSERT INTO reviews (submission_id, campaign_code, second_review, document) VALUES ($submission, $code, $second, $document);",
                cancellationToken,
                ("$submission", review.SubmissionId),
                ("$code", review.CampaignCode),
                ("$second", review.SecondReview),
                ("$document", StorageJson.Serialize(review)));
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ReviewRecord>> ListSecondReviewsAsync(string campaignCode, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<ReviewRecord>>(async connection =>
            await connection.QueryAsync(
                null,
                "SELECT document FROM reviews WHERE campaign_code = $code AND second_review = 1 ORDER BY sequence;",
                r => StorageJson.Deserialize<ReviewRecord>(r.GetString(0)),
                cancellationToken,
                ("$code", campaignCode)),
            cancellationToken);

    private static readonly IReadOnlyDictionary<string, string> NoProfile = new Dictionary<string, string>();

    private Task<Submission?> SingleAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync(null, $"SELECT {Columns} FROM submissions {where} LIMIT 1;", Read, cancellationToken, parameters)).FirstOrDefault(),
            cancellationToken);

    private static Submission Read(SqliteDataReader reader) =>
        StorageJson.Deserialize<Submission>(reader.GetString(0)) with { Version = reader.GetInt64(1) };
}

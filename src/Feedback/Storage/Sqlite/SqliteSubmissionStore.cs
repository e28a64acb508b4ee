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

    private Task<Submission?> SingleAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync(null, $"SELECT {Columns} FROM submissions {where} LIMIT 1;", Read, cancellationToken, parameters)).FirstOrDefault(),
            cancellationToken);

    private static Submission Read(SqliteDataReader reader) =>
        StorageJson.Deserialize<Submission>(reader.GetString(0)) with { Version = reader.GetInt64(1) };
}

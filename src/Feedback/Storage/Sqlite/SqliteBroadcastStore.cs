using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Participants;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

internal sealed class SqliteBroadcastStore(SqliteDatabase database) : IBroadcastStore
{
    public Task<Broadcast?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync(null, "SELECT document, version FROM broadcasts WHERE id = $id;", Read, cancellationToken, ("$id", id))).FirstOrDefault(),
            cancellationToken);

    public Task<IReadOnlyList<Broadcast>> ListByStatusAsync(BroadcastStatus status, CancellationToken cancellationToken = default) =>
        ListAsync("status = $value", status.ToString(), cancellationToken);

    public Task<IReadOnlyList<Broadcast>> ListByCampaignAsync(string campaignCode, CancellationToken cancellationToken = default) =>
        ListAsync("campaign_code = $value", campaignCode, cancellationToken);

    public Task<Broadcast> SaveAsync(Broadcast broadcast, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var version = await VersionedRows.SaveAsync(
                connection, transaction, "broadcasts", ("id", broadcast.Id), broadcast.Version,
                [
                    ("campaign_code", broadcast.CampaignCode),
                    ("status", broadcast.Status.ToString()),
                    ("document", StorageJson.Serialize(broadcast with { Version = 0 })),
                ],
                cancellationToken);
            return broadcast with { Version = version };
        }, cancellationToken);

    public Task SaveMediaAsync(string broadcastId, string name, BroadcastMedia media, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(
                transaction,
                "INSERT OR REPLACE INTO broadcast_media (broadcast_id, name, content_type, content) VALUES ($id, $name, $type, $content);",
                cancellationToken,
                ("$id", broadcastId), ("$name", name), ("$type", media.ContentType), ("$content", media.Content)),
            cancellationToken);

    public Task<BroadcastMedia?> GetMediaAsync(string broadcastId, string name, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync(
                null,
                "SELECT content_type, content FROM broadcast_media WHERE broadcast_id = $id AND name = $name;",
                r => new BroadcastMedia(r.GetString(0), (byte[])r.GetValue(1)),
                cancellationToken,
                ("$id", broadcastId), ("$name", name))).FirstOrDefault(),
            cancellationToken);

    public Task<string?> GetCursorAsync(string broadcastId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            (string?)await connection.ScalarAsync(null, "SELECT cursor FROM broadcasts WHERE id = $id;", cancellationToken, ("$id", broadcastId)),
            cancellationToken);

    public Task<IReadOnlyList<Participant>> ParticipantsAfterAsync(string campaignCode, string? afterId, int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Participant>>(async connection =>
            await connection.QueryAsync(
                null,
                "SELECT document, version FROM participants WHERE campaign_code = $code AND id > $after ORDER BY id LIMIT $max;",
                r => StorageJson.Deserialize<Participant>(r.GetString(0)) with { Version = r.GetInt64(1) },
                cancellationToken,
                ("$code", campaignCode), ("$after", afterId ?? string.Empty), ("$max", max)),
            cancellationToken);

    public Task<IReadOnlySet<string>> RaisedAnyAsync(IReadOnlyList<string> participantIds, IReadOnlyList<string> themes, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlySet<string>>(async connection =>
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            if (participantIds.Count == 0 || themes.Count == 0)
                return found;
            var themeParameters = themes.Select((t, i) => ($"$t{i}", (object?)t)).ToArray();
            foreach (var chunk in participantIds.Chunk(400))
            {
                var idParameters = chunk.Select((p, i) => ($"$p{i}", (object?)p)).ToArray();
                var rows = await connection.QueryAsync(
                    null,
                    $"SELECT DISTINCT participant_id FROM submissions WHERE participant_id IN ({string.Join(",", idParameters.Select(p => p.Item1))}) AND theme IN ({string.Join(",", themeParameters.Select(p => p.Item1))});",
                    r => r.GetString(0),
                    cancellationToken,
                    [.. idParameters, .. themeParameters]);
                found.UnionWith(rows);
            }
            return found;
        }, cancellationToken);

    public Task<int> EnqueueBatchAsync(string broadcastId, string cursor, IReadOnlyList<BroadcastRecipient> recipients, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var enqueued = 0;
            foreach (var recipient in recipients)
            {
                var recorded = await connection.ExecuteAsync(
                    transaction,
                    "INSERT OR IGNORE INTO broadcast_recipients (broadcast_id, participant_id, outcome) VALUES ($id, $participant, $outcome);",
                    cancellationToken,
                    ("$id", broadcastId), ("$participant", recipient.ParticipantId), ("$outcome", recipient.Outcome.ToString()));
                if (recorded == 0 || recipient.Message is null)
                    continue;
                await SqliteOutbox.EnqueueAsync(connection, transaction, [recipient.Message with { GroupKey = broadcastId }], cancellationToken);
                enqueued++;
            }
            await connection.ExecuteAsync(transaction, "UPDATE broadcasts SET cursor = $cursor WHERE id = $id;", cancellationToken, ("$id", broadcastId), ("$cursor", cursor));
            return enqueued;
        }, cancellationToken);

    public Task<BroadcastCounts> CountAsync(string broadcastId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var messages = (await connection.QueryAsync(
                null,
                "SELECT COALESCE(SUM(sent_at IS NULL AND failed_at IS NULL), 0), COALESCE(SUM(sent_at IS NOT NULL), 0), COALESCE(SUM(failed_at IS NOT NULL), 0) FROM outbox WHERE group_key = $id;",
                r => (Queued: r.GetInt32(0), Sent: r.GetInt32(1), Failed: r.GetInt32(2)),
                cancellationToken,
                ("$id", broadcastId)))[0];
            var skipped = (await connection.QueryAsync(
                null,
                "SELECT outcome, COUNT(*) FROM broadcast_recipients WHERE broadcast_id = $id AND outcome <> 'Queued' GROUP BY outcome;",
                r => (Outcome: r.GetString(0), Count: r.GetInt32(1)),
                cancellationToken,
                ("$id", broadcastId))).ToDictionary(r => r.Outcome, r => r.Count, StringComparer.Ordinal);
            return new BroadcastCounts(
                messages.Queued,
                messages.Sent,
                messages.Failed,
                skipped.GetValueOrDefault(nameof(RecipientOutcome.Unreachable)),
                skipped.GetValueOrDefault(nameof(RecipientOutcome.OptedOut)));
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ReceivedByAsync(string participantId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<string>>(async connection =>
            await connection.QueryAsync(
                null,
                "SELECT broadcast_id FROM broadcast_recipients WHERE participant_id = $participant AND outcome = 'Queued' ORDER BY broadcast_id;",
                r => r.GetString(0),
                cancellationToken,
                ("$participant", participantId)),
            cancellationToken);

    private Task<IReadOnlyList<Broadcast>> ListAsync(string where, string value, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Broadcast>>(async connection =>
            (await connection.QueryAsync(null, $"SELECT document, version FROM broadcasts WHERE {where};", Read, cancellationToken, ("$value", value)))
                .OrderBy(b => b.CreatedAt).ToList(),
            cancellationToken);

    private static Broadcast Read(SqliteDataReader reader) =>
        StorageJson.Deserialize<Broadcast>(reader.GetString(0)) with { Version = reader.GetInt64(1) };
}

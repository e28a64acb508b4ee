using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

internal sealed class SqliteInbox(SqliteDatabase database) : IInbox
{
    public Task<bool> TryAddAsync(InboxEntry entry, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => TryAddAsync(connection, transaction, entry, cancellationToken), cancellationToken);

    /// <summary>One transaction for the whole batch: with SQLite, the commit is most of the cost of an insert.</summary>
    public Task<IReadOnlyList<bool>> TryAddManyAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken = default) =>
        database.WriteAsync<IReadOnlyList<bool>>(async (connection, transaction) =>
        {
            var added = new bool[entries.Count];
            for (var i = 0; i < entries.Count; i++)
                added[i] = await TryAddAsync(connection, transaction, entries[i], cancellationToken);
            return added;
        }, cancellationToken);

    internal static async Task<bool> TryAddAsync(SqliteConnection connection, SqliteTransaction transaction, InboxEntry entry, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(
            transaction,
            """
            INSERT INTO inbox (channel, update_key, conversation_id, payload, received_at)
            VALUES ($channel, $key, $conversation, $payload, $received)
            ON CONFLICT (channel, update_key) DO NOTHING;
            """,
            cancellationToken,
            ("$channel", entry.Channel),
            ("$key", entry.UpdateKey),
            ("$conversation", entry.ConversationId),
            ("$payload", entry.Payload),
            ("$received", entry.ReceivedAt.ToStored())) == 1;

    public Task<IReadOnlyList<InboxItem>> PendingAsync(int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<InboxItem>>(async connection =>
            await connection.QueryAsync(
                null,
                "SELECT sequence, channel, update_key, conversation_id, payload, received_at, attempts FROM inbox WHERE processed_at IS NULL ORDER BY sequence LIMIT $max;",
                r => new InboxItem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetTime("received_at"), r.GetInt32(6)),
                cancellationToken,
                ("$max", max)),
            cancellationToken);

    public Task RecordFailureAsync(long sequence, string reason, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(
                transaction,
                "UPDATE inbox SET attempts = attempts + 1, last_error = $error WHERE sequence = $sequence;",
                cancellationToken,
                ("$sequence", sequence),
                ("$error", reason)),
            cancellationToken);

    public Task<int> CountPendingAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            Convert.ToInt32(await connection.ScalarAsync(null, "SELECT COUNT(*) FROM inbox WHERE processed_at IS NULL;", cancellationToken), System.Globalization.CultureInfo.InvariantCulture),
            cancellationToken);

    /// <summary>Marks an item processed and drops its payload: what the turn kept is in the submissions.</summary>
    internal static async Task CompleteAsync(SqliteConnection connection, SqliteTransaction transaction, long sequence, CancellationToken cancellationToken)
    {
        var updated = await connection.ExecuteAsync(
            transaction,
            "UPDATE inbox SET processed_at = $now, payload = NULL WHERE sequence = $sequence AND processed_at IS NULL;",
            cancellationToken,
            ("$sequence", sequence),
            ("$now", DateTimeOffset.UtcNow.ToStored()));
        if (updated == 0)
            throw new ConcurrencyConflictException($"Inbox item {sequence} was already processed.");
    }
}

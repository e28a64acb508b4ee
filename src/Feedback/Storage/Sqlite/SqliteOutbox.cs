using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

internal sealed class SqliteOutbox(SqliteDatabase database) : IOutbox
{
    private const string Columns = "sequence, channel, conversation_id, payload, created_at, not_before, sent_at, failed_at, attempts, last_error, group_key";

    public Task EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => EnqueueAsync(connection, transaction, entries, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> PendingAsync(string channel, int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<OutboxItem>>(async connection =>
            await connection.QueryAsync(
                null,
                $"SELECT {Columns} FROM outbox WHERE channel = $channel AND sent_at IS NULL AND failed_at IS NULL ORDER BY sequence LIMIT $max;",
                Read,
                cancellationToken,
                ("$channel", channel),
                ("$max", max)),
            cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> ListByConversationAsync(ConversationKey conversation, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<OutboxItem>>(async connection =>
            await connection.QueryAsync(
                null,
                $"SELECT {Columns} FROM outbox WHERE channel = $channel AND conversation_id = $conversation ORDER BY sequence;",
                Read,
                cancellationToken,
                ("$channel", conversation.Channel),
                ("$conversation", conversation.ConversationId)),
            cancellationToken);

    public Task MarkSentAsync(long sequence, DateTimeOffset sentAt, CancellationToken cancellationToken = default) =>
        UpdateAsync("sent_at = $time, attempts = attempts + 1", sequence, sentAt, null, cancellationToken);

    public Task RescheduleAsync(long sequence, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken = default) =>
        UpdateAsync("not_before = $time, attempts = attempts + 1, last_error = $error", sequence, notBefore, reason, cancellationToken);

    public Task MarkFailedAsync(long sequence, string reason, CancellationToken cancellationToken = default) =>
        UpdateAsync("failed_at = $time, attempts = attempts + 1, last_error = $error", sequence, DateTimeOffset.UtcNow, reason, cancellationToken);

    internal static async Task EnqueueAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
            await connection.ExecuteAsync(
                transaction,
                "INSERT INTO outbox (channel, conversation_id, payload, created_at, group_key) VALUES ($channel, $conversation, $payload, $created, $group);",
                cancellationToken,
                ("$channel", entry.Channel),
                ("$conversation", entry.ConversationId),
                ("$payload", entry.Payload),
                ("$created", entry.CreatedAt.ToStored()),
                ("$group", entry.GroupKey));
    }

    private async Task UpdateAsync(string assignments, long sequence, DateTimeOffset time, string? reason, CancellationToken cancellationToken) =>
        await database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(
                transaction,
                $"UPDATE outbox SET {assignments} WHERE sequence = $sequence;",
                cancellationToken,
                ("$sequence", sequence),
                ("$time", time.ToStored()),
                ("$error", reason)),
            cancellationToken);

    private static OutboxItem Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetTime("created_at"),
        r.GetNullableTime("not_before"),
        r.GetNullableTime("sent_at"),
        r.GetNullableTime("failed_at"),
        r.GetInt32(8),
        r.GetNullableString("last_error"),
        r.GetNullableString("group_key"));
}

using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

internal sealed class SqliteDirectLineStore(SqliteDatabase database) : IDirectLineStore
{
    public Task<bool> CreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
            await connection.ExecuteAsync(
                transaction,
                """
                INSERT INTO directline_conversations (conversation_id, user_id, last_sequence, created_at, document)
                VALUES ($id, $user, 0, $created, $document)
                ON CONFLICT (conversation_id) DO NOTHING;
                """,
                cancellationToken,
                ("$id", conversation.ConversationId),
                ("$user", conversation.UserId),
                ("$created", conversation.CreatedAt.ToStored()),
                ("$document", conversation.Document)) == 1,
            cancellationToken);

    public Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync(
                null,
                "SELECT conversation_id, user_id, created_at, document, last_sequence FROM directline_conversations WHERE conversation_id = $id;",
                r => new DirectLineConversation(r.GetString(0), r.GetString(1), r.GetTime("created_at"), r.GetString(3), r.GetInt64(4)),
                cancellationToken,
                ("$id", conversationId))).FirstOrDefault(),
            cancellationToken);

    public Task<DirectLineAppend> AppendAsync(
        string conversationId,
        string sourceKey,
        Func<long, string> document,
        DateTimeOffset createdAt,
        Func<long, InboxEntry>? inbox = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return database.WriteAsync(async (connection, transaction) =>
        {
            var existing = await connection.ScalarAsync(
                transaction,
                "SELECT sequence FROM directline_activities WHERE conversation_id = $id AND source_key = $key;",
                cancellationToken,
                ("$id", conversationId),
                ("$key", sourceKey));
            if (existing is not null)
                return new DirectLineAppend(Convert.ToInt64(existing, CultureInfo.InvariantCulture), Appended: false, InboxAdded: false);

            var next = await connection.ScalarAsync(
                transaction,
                "UPDATE directline_conversations SET last_sequence = last_sequence + 1 WHERE conversation_id = $id RETURNING last_sequence;",
                cancellationToken,
                ("$id", conversationId))
                ?? throw new InvalidOperationException($"Direct Line conversation '{conversationId}' does not exist.");
            var sequence = Convert.ToInt64(next, CultureInfo.InvariantCulture);
            await connection.ExecuteAsync(
                transaction,
                """
                INSERT INTO directline_activities (conversation_id, sequence, source_key, created_at, document)
                VALUES ($id, $sequence, $key, $created, $document);
                """,
                cancellationToken,
                ("$id", conversationId),
                ("$sequence", sequence),
                ("$key", sourceKey),
                ("$created", createdAt.ToStored()),
                ("$document", document(sequence)));
            var inboxAdded = inbox is not null && await SqliteInbox.TryAddAsync(connection, transaction, inbox(sequence), cancellationToken);
            return new DirectLineAppend(sequence, Appended: true, inboxAdded);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<DirectLineLogEntry>> ReadAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<DirectLineLogEntry>>(async connection =>
            await connection.QueryAsync(
                null,
                """
                SELECT conversation_id, sequence, source_key, created_at, document FROM directline_activities
                WHERE conversation_id = $id AND sequence > $after ORDER BY sequence LIMIT $max;
                """,
                r => new DirectLineLogEntry(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetTime("created_at"), r.GetString(4)),
                cancellationToken,
                ("$id", conversationId),
                ("$after", afterSequence),
                ("$max", max)),
            cancellationToken);

    public Task<int> DeleteActivitiesAsync(string sourceKeyPrefix, DateTimeOffset createdBefore, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(
                transaction,
                // substr, not LIKE: a prefix is matched literally, whatever characters it holds.
                "DELETE FROM directline_activities WHERE created_at < $before AND substr(source_key, 1, length($prefix)) = $prefix;",
                cancellationToken,
                ("$before", createdBefore.ToStored()),
                ("$prefix", sourceKeyPrefix)),
            cancellationToken);

    public async Task<string> GetOrCreateSettingAsync(string name, Func<string> create, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        return await database.WriteAsync(async (connection, transaction) =>
        {
            // Insert-if-absent then read under the write lock: two instances starting together agree on one value.
            await connection.ExecuteAsync(
                transaction,
                "INSERT INTO directline_settings (name, value) VALUES ($name, $value) ON CONFLICT (name) DO NOTHING;",
                cancellationToken,
                ("$name", name),
                ("$value", create()));
            return (string)(await connection.ScalarAsync(transaction, "SELECT value FROM directline_settings WHERE name = $name;", cancellationToken, ("$name", name)))!;
        }, cancellationToken);
    }

    /// <summary>Erasure: the log of a Direct Line conversation goes; the conversation row (ids and counter) stays.</summary>
    internal static Task EraseLogAsync(SqliteConnection connection, SqliteTransaction transaction, string conversationId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(transaction, "DELETE FROM directline_activities WHERE conversation_id = $id;", cancellationToken, ("$id", conversationId));
}

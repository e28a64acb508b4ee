using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

internal sealed class SqliteConversationStateStore(SqliteDatabase database) : IConversationStateStore
{
    public Task<StoredState?> LoadAsync(ConversationKey key, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync(
                null,
                "SELECT document, version FROM conversation_states WHERE channel = $channel AND conversation_id = $conversation;",
                r => new StoredState(r.GetString(0), r.GetInt64(1)),
                cancellationToken,
                ("$channel", key.Channel),
                ("$conversation", key.ConversationId))).FirstOrDefault(),
            cancellationToken);

    public Task<long> SaveAsync(ConversationKey key, string document, long expectedVersion, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => SaveAsync(connection, transaction, key, document, expectedVersion, cancellationToken), cancellationToken);

    internal static async Task<long> SaveAsync(SqliteConnection connection, SqliteTransaction transaction, ConversationKey key, string document, long expectedVersion, CancellationToken cancellationToken)
    {
        (string, object?)[] parameters = [("$channel", key.Channel), ("$conversation", key.ConversationId), ("$document", document), ("$expected", expectedVersion)];
        var written = expectedVersion == 0
            ? await connection.ExecuteAsync(
                transaction,
                "INSERT INTO conversation_states (channel, conversation_id, document, version) VALUES ($channel, $conversation, $document, 1) ON CONFLICT DO NOTHING;",
                cancellationToken,
                parameters)
            : await connection.ExecuteAsync(
                transaction,
                "UPDATE conversation_states SET document = $document, version = version + 1 WHERE channel = $channel AND conversation_id = $conversation AND version = $expected;",
                cancellationToken,
                parameters);
        if (written == 0)
            throw new ConcurrencyConflictException($"Conversation state {key} is not at version {expectedVersion}.");
        return expectedVersion + 1;
    }
}

using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

/// <summary>
/// The schema as an ordered list of migrations. The database records the number applied; on start the rest run,
/// each in its own transaction. Never edit a released step: add one.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE campaigns (
            code TEXT PRIMARY KEY,
            document TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE TABLE participants (
            id TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            channel_user_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            campaign_code TEXT NOT NULL,
            opted_out INTEGER NOT NULL,
            unreachable INTEGER NOT NULL,
            document TEXT NOT NULL,
            version INTEGER NOT NULL,
            UNIQUE (channel, channel_user_id)
        );
        CREATE INDEX ix_participants_campaign ON participants (campaign_code);
        CREATE TABLE submissions (
            id TEXT PRIMARY KEY,
            participant_id TEXT NOT NULL,
            campaign_code TEXT NOT NULL,
            channel TEXT NOT NULL,
            source TEXT NOT NULL,
            language TEXT NOT NULL,
            received_at TEXT NOT NULL,
            theme TEXT,
            confidence REAL,
            label_source TEXT NOT NULL,
            needs_review INTEGER NOT NULL,
            channel_message_key TEXT,
            document TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE INDEX ix_submissions_campaign ON submissions (campaign_code, received_at);
        CREATE INDEX ix_submissions_participant ON submissions (participant_id);
        CREATE TABLE conversation_states (
            channel TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            document TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (channel, conversation_id)
        );
        CREATE TABLE inbox (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL,
            update_key TEXT NOT NULL,
            conversation_id TEXT,
            payload TEXT,
            received_at TEXT NOT NULL,
            processed_at TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            UNIQUE (channel, update_key)
        );
        CREATE INDEX ix_inbox_pending ON inbox (processed_at, sequence);
        CREATE TABLE outbox (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at TEXT NOT NULL,
            not_before TEXT,
            sent_at TEXT,
            failed_at TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            group_key TEXT
        );
        CREATE INDEX ix_outbox_pending ON outbox (channel, sent_at, failed_at, sequence);
        CREATE INDEX ix_outbox_conversation ON outbox (channel, conversation_id);
        CREATE INDEX ix_outbox_group ON outbox (group_key);
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    public static async Task MigrateAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // WAL is a property of the file: set once, it stays.
        await connection.ExecuteAsync(null, "PRAGMA journal_mode=WAL;", cancellationToken);
        await connection.ExecuteAsync(null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);", cancellationToken);
        for (var applied = await CurrentVersionAsync(connection, cancellationToken); applied < Migrations.Length; applied++)
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            // Another instance may have migrated between our read and our lock.
            if (await CurrentVersionAsync(connection, cancellationToken, transaction) > applied)
                continue;
            await connection.ExecuteAsync(transaction, Migrations[applied], cancellationToken);
            await connection.ExecuteAsync(transaction, "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ($v);", cancellationToken, ("$v", applied + 1));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public static async Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null) =>
        Convert.ToInt32(await connection.ScalarAsync(transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", cancellationToken) ?? 0, System.Globalization.CultureInfo.InvariantCulture);
}

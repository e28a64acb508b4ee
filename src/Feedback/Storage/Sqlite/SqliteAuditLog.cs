using CitizenData.Feedback.Staff;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

internal sealed class SqliteAuditLog(SqliteDatabase database) : IAuditLog
{
    public Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return database.WriteAsync(async (connection, transaction) =>
        {
            var sequence = (long)(await connection.ScalarAsync(
                transaction,
                "INSERT INTO audit_log (at, actor, action, target, details) VALUES ($at, $actor, $action, $target, $details) RETURNING sequence;",
                cancellationToken,
                ("$at", entry.At.ToStored()),
                ("$actor", entry.Actor),
                ("$action", entry.Action),
                ("$target", entry.Target),
                ("$details", entry.Details)))!;
            return entry with { Sequence = sequence };
        }, cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string? target = null, int max = 100, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<AuditEntry>>(async connection =>
            await connection.QueryAsync(
                null,
                "SELECT sequence, at, actor, action, target, details FROM audit_log WHERE ($target IS NULL OR target = $target) ORDER BY sequence DESC LIMIT $max;",
                Read,
                cancellationToken,
                ("$target", target),
                ("$max", max)),
            cancellationToken);

    private static AuditEntry Read(SqliteDataReader reader) =>
        new(reader.GetString(2), reader.GetTime("at"), reader.GetString(3), reader.GetString(4), reader.GetNullableString("details")) { Sequence = reader.GetInt64(0) };
}

using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

/// <summary>Optimistic-concurrency writes shared by every table that holds a versioned document.</summary>
internal static class VersionedRows
{
    /// <summary>
    /// Inserts the row when <paramref name="expectedVersion"/> is 0, otherwise updates it only if the stored version still
    /// equals <paramref name="expectedVersion"/>. Returns the new version.
    /// </summary>
    public static async Task<long> SaveAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string table,
        (string Column, object Value) key,
        long expectedVersion,
        IReadOnlyList<(string Column, object? Value)> columns,
        CancellationToken cancellationToken)
    {
        var parameters = columns.Select(c => ("$" + c.Column, c.Value))
            .Append(("$" + key.Column, key.Value))
            .Append(("$expected", expectedVersion))
            .ToArray();
        if (expectedVersion == 0)
        {
            var names = string.Join(", ", columns.Select(c => c.Column).Append(key.Column));
            var values = string.Join(", ", columns.Select(c => "$" + c.Column).Append("$" + key.Column));
            try
            {
                await connection.ExecuteAsync(transaction, $"INSERT INTO {table} ({names}, version) VALUES ({values}, 1);", cancellationToken, parameters);
            }
            catch (SqliteException e) when (e.IsUniqueViolation())
            {
                throw new ConcurrencyConflictException($"{table} row {key.Value} already exists.", e);
            }
            return 1;
        }

        var assignments = string.Join(", ", columns.Select(c => $"{c.Column} = ${c.Column}"));
        var updated = await connection.ExecuteAsync(
            transaction,
            $"UPDATE {table} SET {assignments}, version = version + 1 WHERE {key.Column} = ${key.Column} AND version = $expected;",
            cancellationToken,
            parameters);
        if (updated == 0)
            throw new ConcurrencyConflictException($"{table} row {key.Value} is not at version {expectedVersion}.");
        return expectedVersion + 1;
    }
}

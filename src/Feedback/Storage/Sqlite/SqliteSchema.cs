using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

/// <summary>
/// The schema as numbered migrations, embedded SQL files named <c>NNNN_what.sql</c> under Migrations/. The database
/// records the highest number applied; on start the rest run in order, each in its own transaction. Never edit a
/// released file: add the next number.
/// </summary>
internal static class SqliteSchema
{
    private const string ResourcePrefix = "CitizenData.Feedback.Storage.Sqlite.Migrations.";

    private static readonly Lazy<IReadOnlyList<(int Number, string Sql)>> Migrations = new(LoadMigrations);

    public static int LatestVersion => Migrations.Value[^1].Number;

    public static async Task MigrateAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // WAL is a property of the file: set once, it stays.
        await connection.ExecuteAsync(null, "PRAGMA journal_mode=WAL;", cancellationToken);
        await connection.ExecuteAsync(null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);", cancellationToken);
        foreach (var (number, sql) in Migrations.Value)
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            // Checked under the write lock: another instance may have migrated meanwhile.
            if (await CurrentVersionAsync(connection, cancellationToken, transaction) >= number)
                continue;
            await connection.ExecuteAsync(transaction, sql, cancellationToken);
            await connection.ExecuteAsync(transaction, "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ($v);", cancellationToken, ("$v", number));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public static async Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null) =>
        Convert.ToInt32(await connection.ScalarAsync(transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", cancellationToken) ?? 0, CultureInfo.InvariantCulture);

    private static IReadOnlyList<(int Number, string Sql)> LoadMigrations()
    {
        var assembly = typeof(SqliteSchema).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Number: int.Parse(name.AsSpan(ResourcePrefix.Length, 4), CultureInfo.InvariantCulture), Sql: Read(assembly, name)))
            .OrderBy(m => m.Number)
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

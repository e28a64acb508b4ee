using CitizenData.Feedback.Themes.Learning;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

internal sealed class SqliteThemeModelStore(SqliteDatabase database) : IThemeModelStore
{
    public Task<bool> AddAsync(ThemeModelRecord record, byte[] model, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
            await connection.ExecuteAsync(
                transaction,
                "INSERT OR IGNORE INTO theme_models (version, created_at, promoted_at, document, model) VALUES ($version, $created, $promoted, $document, $model);",
                cancellationToken,
                ("$version", record.Version),
                ("$created", record.CreatedAt.ToStored()),
                ("$promoted", record.PromotedAt.ToStored()),
                ("$document", StorageJson.Serialize(record)),
                ("$model", model)) == 1,
            cancellationToken);

    public Task UpdateAsync(ThemeModelRecord record, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
            await connection.ExecuteAsync(
                transaction,
                "UPDATE theme_models SET promoted_at = $promoted, document = $document WHERE version = $version;",
                cancellationToken,
                ("$version", record.Version),
                ("$promoted", record.PromotedAt.ToStored()),
                ("$document", StorageJson.Serialize(record))),
            cancellationToken);

    public Task<ThemeModelRecord?> GetCurrentAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync(null, "SELECT document FROM theme_models WHERE promoted_at IS NOT NULL ORDER BY promoted_at DESC, version DESC LIMIT 1;", Read, cancellationToken))
            .FirstOrDefault(),
            cancellationToken);

    public Task<byte[]?> GetModelAsync(string version, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            await connection.ScalarAsync(null, "SELECT model FROM theme_models WHERE version = $version;", cancellationToken, ("$version", version)) as byte[],
            cancellationToken);

    public Task<IReadOnlyList<ThemeModelRecord>> ListAsync(int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<ThemeModelRecord>>(async connection =>
            await connection.QueryAsync(null, "SELECT document FROM theme_models ORDER BY created_at DESC, version DESC LIMIT $max;", Read, cancellationToken, ("$max", max)),
            cancellationToken);

    private static ThemeModelRecord Read(SqliteDataReader reader) => StorageJson.Deserialize<ThemeModelRecord>(reader.GetString(0));
}

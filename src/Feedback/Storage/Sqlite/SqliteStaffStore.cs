using CitizenData.Feedback.Staff;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

internal sealed class SqliteStaffStore(SqliteDatabase database) : IStaffStore
{
    public Task<StaffAccount?> GetAccountAsync(string userName, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync(null, "SELECT document, version FROM staff_accounts WHERE user_name = $name;", ReadAccount, cancellationToken, ("$name", userName)))
            .FirstOrDefault(), cancellationToken);

    public Task<IReadOnlyList<StaffAccount>> ListAccountsAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<StaffAccount>>(async connection =>
            await connection.QueryAsync(null, "SELECT document, version FROM staff_accounts ORDER BY user_name;", ReadAccount, cancellationToken), cancellationToken);

    public Task<StaffAccount> SaveAccountAsync(StaffAccount account, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var version = await VersionedRows.SaveAsync(
                connection, transaction, "staff_accounts", ("user_name", account.UserName), account.Version,
                [("document", StorageJson.Serialize(account with { Version = 0 }))],
                cancellationToken);
            return account with { Version = version };
        }, cancellationToken);

    public Task<bool> DeleteAccountAsync(string userName, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            async (connection, transaction) =>
                await connection.ExecuteAsync(transaction, "DELETE FROM staff_accounts WHERE user_name = $name;", cancellationToken, ("$name", userName)) == 1,
            cancellationToken);

    public Task<ApiKey?> GetApiKeyAsync(string id, CancellationToken cancellationToken = default) =>
        SingleKeyAsync("id = $value", id, cancellationToken);

    public Task<ApiKey?> FindApiKeyByHashAsync(string keyHash, CancellationToken cancellationToken = default) =>
        SingleKeyAsync("key_hash = $value", keyHash, cancellationToken);

    public Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<ApiKey>>(async connection =>
            await connection.QueryAsync(null, "SELECT document, version FROM api_keys ORDER BY id;", ReadKey, cancellationToken), cancellationToken);

    public Task<ApiKey> SaveApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var version = await VersionedRows.SaveAsync(
                connection, transaction, "api_keys", ("id", key.Id), key.Version,
                [("key_hash", key.KeyHash), ("document", StorageJson.Serialize(key with { Version = 0 }))],
                cancellationToken);
            return key with { Version = version };
        }, cancellationToken);

    public Task<string> GetOrCreateSecretAsync(string name, Func<string> create, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        return database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                transaction,
                "INSERT INTO admin_secrets (name, value) VALUES ($name, $value) ON CONFLICT (name) DO NOTHING;",
                cancellationToken,
                ("$name", name),
                ("$value", create()));
            return (string)(await connection.ScalarAsync(transaction, "SELECT value FROM admin_secrets WHERE name = $name;", cancellationToken, ("$name", name)))!;
        }, cancellationToken);
    }

    private Task<ApiKey?> SingleKeyAsync(string where, string value, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync(null, $"SELECT document, version FROM api_keys WHERE {where};", ReadKey, cancellationToken, ("$value", value)))
            .FirstOrDefault(), cancellationToken);

    private static StaffAccount ReadAccount(SqliteDataReader reader) =>
        StorageJson.Deserialize<StaffAccount>(reader.GetString(0)) with { Version = reader.GetInt64(1) };

    private static ApiKey ReadKey(SqliteDataReader reader) =>
        StorageJson.Deserialize<ApiKey>(reader.GetString(0)) with { Version = reader.GetInt64(1) };
}

using CitizenData.Feedback.Campaigns;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

internal sealed class SqliteCampaignStore(SqliteDatabase database) : ICampaignStore
{
    public Task<Campaign?> GetAsync(string code, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync(null, "SELECT document, version FROM campaigns WHERE code = $code;", Read, cancellationToken, ("$code", code)))
            .FirstOrDefault(), cancellationToken);

    public Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Campaign>>(async connection =>
            await connection.QueryAsync(null, "SELECT document, version FROM campaigns ORDER BY code;", Read, cancellationToken), cancellationToken);

    public Task<Campaign> SaveAsync(Campaign campaign, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var version = await VersionedRows.SaveAsync(
                connection, transaction, "campaigns", ("code", campaign.Code), campaign.Version,
                [("document", StorageJson.Serialize(campaign with { Version = 0 }))],
                cancellationToken);
            return campaign with { Version = version };
        }, cancellationToken);

    private static Campaign Read(SqliteDataReader reader) =>
        StorageJson.Deserialize<Campaign>(reader.GetString(0)) with { Version = reader.GetInt64(1) };
}

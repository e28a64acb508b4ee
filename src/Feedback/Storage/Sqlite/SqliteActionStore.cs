using CitizenData.Feedback.Actions;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

internal sealed class SqliteActionStore(SqliteDatabase database) : IActionStore
{
    public Task<CampaignAction?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync(null, "SELECT document, version FROM actions WHERE id = $id;", Read, cancellationToken, ("$id", id))).FirstOrDefault(),
            cancellationToken);

    public Task<IReadOnlyList<CampaignAction>> ListByCampaignAsync(string campaignCode, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<CampaignAction>>(async connection =>
            (await connection.QueryAsync(null, "SELECT document, version FROM actions WHERE campaign_code = $code;", Read, cancellationToken, ("$code", campaignCode)))
                .OrderByDescending(a => a.Date).ThenBy(a => a.Id, StringComparer.Ordinal).ToList(),
            cancellationToken);

    public Task<CampaignAction> SaveAsync(CampaignAction action, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var version = await VersionedRows.SaveAsync(
                connection, transaction, "actions", ("id", action.Id), action.Version,
                [("campaign_code", action.CampaignCode), ("document", StorageJson.Serialize(action with { Version = 0 }))],
                cancellationToken);
            return action with { Version = version };
        }, cancellationToken);

    private static CampaignAction Read(SqliteDataReader reader) =>
        StorageJson.Deserialize<CampaignAction>(reader.GetString(0)) with { Version = reader.GetInt64(1) };
}

using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Tests.Storage;

public sealed class SqliteDirectLineStoreTests : DirectLineStoreContractTests
{
    private readonly string folder = Directory.CreateTempSubdirectory("citizendata-directline-").FullName;

    private string DatabasePath => Path.Combine(folder, "test.db");

    protected override Task<IFeedbackStorage> CreateStorageAsync() => Task.FromResult<IFeedbackStorage>(new SqliteFeedbackStorage(DatabasePath));

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    protected override Task AssertNothingStoredMentionsAsync(params string[] needles) =>
        SqliteTableScan.AssertNothingMentionsAsync(DatabasePath, needles);
}

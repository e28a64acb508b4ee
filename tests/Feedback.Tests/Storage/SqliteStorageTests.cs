using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Tests.Storage;

public sealed class SqliteStorageTests : StorageContractTests
{
    private readonly TempSqliteFile file = new("citizendata-storage-");

    private string DatabasePath => file.DatabasePath;

    protected override Task<IFeedbackStorage> CreateStorageAsync() => file.OpenAsync();

    public override Task DisposeAsync()
    {
        file.Delete();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_database_uses_a_write_ahead_log_and_records_its_schema_version()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var journal = connection.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await journal.ExecuteScalarAsync());
        await using var version = connection.CreateCommand();
        version.CommandText = "SELECT version FROM schema_version;";
        Assert.Equal((long)SqliteSchema.LatestVersion, (long)(await version.ExecuteScalarAsync())!);
    }

    protected override Task AssertNothingStoredMentionsAsync(params string[] needles) => file.AssertNothingMentionsAsync(needles);
}

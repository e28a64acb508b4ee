using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Tests.Storage;

/// <summary>A SQLite database file in its own temporary folder, for the SQLite runs of the storage contract suites.</summary>
internal sealed class TempSqliteFile
{
    private readonly string folder;

    public TempSqliteFile(string prefix) => folder = Directory.CreateTempSubdirectory(prefix).FullName;

    public string DatabasePath => Path.Combine(folder, "test.db");

    public Task<IFeedbackStorage> OpenAsync() => Task.FromResult<IFeedbackStorage>(new SqliteFeedbackStorage(DatabasePath));

    public Task AssertNothingMentionsAsync(params string[] needles) => SqliteTableScan.AssertNothingMentionsAsync(DatabasePath, needles);

    /// <summary>Called from the test's DisposeAsync (xunit's async lifetime), after every connection is done.</summary>
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

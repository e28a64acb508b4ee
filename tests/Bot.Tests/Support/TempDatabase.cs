namespace CitizenData.Bot.Tests.Support;

/// <summary>A SQLite file in its own temporary folder, removed with the test.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("citizendata-test-").FullName;

    public string Path => System.IO.Path.Combine(folder, "citizendata.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A process we started may still hold the file for a moment; the OS cleans temp folders.
        }
    }
}

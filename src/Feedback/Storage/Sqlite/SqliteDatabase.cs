using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

/// <summary>Opens connections to one SQLite file, configured for a durable, concurrent write-ahead log.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The writer SemaphoreSlim never hands out its wait handle, so it holds nothing to dispose; the database lives as long as the process.")]
public sealed class SqliteDatabase
{
    private readonly string connectionString;
    /// <summary>
    /// SQLite has one writer at a time. Queuing this process's writers here, in order, is far cheaper than letting them
    /// collide on the file lock, where SQLite's busy handler makes the losers sleep for milliseconds at a time. Other
    /// processes on the same file still meet the busy timeout.
    /// </summary>
    private readonly SemaphoreSlim writer = new(1, 1);

    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        FilePath = fullPath;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // synchronous=NORMAL is durable across application crashes in WAL mode (only an OS crash can lose the last commits).
        await connection.ExecuteAsync(null, "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;", cancellationToken);
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in an immediate (write-locking) transaction and commits it.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            // IMMEDIATE: take the write lock up front, so two writers never deadlock upgrading read locks.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            writer.Release();
        }
    }

    public Task WriteAsync(Func<SqliteConnection, SqliteTransaction, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            await work(connection, transaction);
            return true;
        }, cancellationToken);

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await work(connection);
    }
}

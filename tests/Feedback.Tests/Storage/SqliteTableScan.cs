using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Tests.Storage;

/// <summary>Reads every value of every table of a SQLite file: the strongest check that erased data is really gone.</summary>
internal static class SqliteTableScan
{
    public static async Task AssertNothingMentionsAsync(string databasePath, params string[] needles)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\";";
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                for (var column = 0; column < rows.FieldCount; column++)
                {
                    if (rows.IsDBNull(column))
                        continue;
                    var value = Convert.ToString(rows.GetValue(column), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                    foreach (var needle in needles)
                        Assert.False(value.Contains(needle, StringComparison.Ordinal), $"Table {table}, column {rows.GetName(column)} still holds '{needle}': {value}");
                }
            }
        }
    }
}

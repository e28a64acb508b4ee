namespace CitizenData.Bot.Hosting;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string Provider { get; set; } = "Sqlite";
    public SqliteSettings Sqlite { get; set; } = new();
    public MongoSettings MongoDB { get; set; } = new();

    public sealed class SqliteSettings
    {
        /// <summary>Relative paths are taken from the working directory.</summary>
        public string Path { get; set; } = "data/citizendata.db";
    }

    public sealed class MongoSettings
    {
        public string? ConnectionString { get; set; }
        public string Database { get; set; } = "citizendata";
    }
}

using CitizenData.Bot.Themes;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Storage.Sqlite;
using CitizenData.Feedback.Themes;
using CitizenData.Feedback.Themes.Learning;
using CitizenData.Feedback.Themes.Seeds;
using CitizenData.Feedback.Themes.Serving;
using CitizenData.Feedback.Themes.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CitizenData.Bot.Tests.Themes;

public sealed class ThemesHostingTests : IDisposable
{
    private static readonly ThemeTaxonomy Default = new([.. DefaultTaxonomy.Keys.Select(k => new Theme { Key = k, Names = new Dictionary<string, string> { ["en"] = k } })]);

    private readonly string path = Path.Combine(Path.GetTempPath(), $"citizendata-hosting-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }

    [Fact]
    public async Task The_host_serves_the_seed_model_from_start_and_picks_up_a_version_promoted_elsewhere()
    {
        var storage = new SqliteFeedbackStorage(path);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["Themes:CheckInterval"] = "00:00:00.2";
        builder.Configuration["Themes:CrossValidationFolds"] = "0";
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IFeedbackStorage>(storage);
        builder.AddThemes();
        using var host = builder.Build();
        await host.StartAsync();

        var classifier = host.Services.GetRequiredService<IThemeClassifier>();
        var first = classifier.Classify("the borehole is broken and there is no clean water", "community", Default);
        Assert.Equal(DefaultThemeModel.Version, first.ModelVersion);
        Assert.Equal("water_sanitation", first.Theme);

        // Another instance promotes a new version: this one serves it within a check interval.
        var other = ThemeTrainer.Train(SeedExamples.Labelled().Where((_, i) => i % 2 == 0).ToList(), "m-elsewhere", ThemeTrainerOptions.Default with { CharNgramLength = 0 });
        var now = DateTimeOffset.UtcNow.AddMinutes(1);
        await storage.ThemeModels.AddAsync(new ThemeModelRecord { Version = other.Version, CreatedAt = now, PromotedAt = now, Pipeline = "test", TrainingSetSize = 403 }, other.ToBytes());
        var served = host.Services.GetRequiredService<PooledThemeClassifier>();
        for (var i = 0; i < 100 && served.ModelVersion != other.Version; i++)
            await Task.Delay(100);
        Assert.Equal(other.Version, classifier.Classify("no water", "community", Default).ModelVersion);

        await host.StopAsync();
    }
}

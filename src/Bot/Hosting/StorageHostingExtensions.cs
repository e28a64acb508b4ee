using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Hosting;

public static class StorageHostingExtensions
{
    /// <summary>Registers the storage ports of the configured provider and migrates the schema at start.</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        builder.Services.AddSingleton<IFeedbackStorage>(services => Open(services.GetRequiredService<IOptions<StorageOptions>>().Value));
        builder.Services.AddSingleton(services => services.GetRequiredService<IFeedbackStorage>().Campaigns);
        builder.Services.AddSingleton(services => services.GetRequiredService<IFeedbackStorage>().Participants);
        builder.Services.AddSingleton(services => services.GetRequiredService<IFeedbackStorage>().Submissions);
        builder.Services.AddSingleton(services => services.GetRequiredService<IFeedbackStorage>().Inbox);
        builder.Services.AddSingleton(services => services.GetRequiredService<IFeedbackStorage>().Outbox);
        builder.Services.AddSingleton(services => services.GetRequiredService<IFeedbackStorage>().Summaries);
        builder.Services.AddSingleton(services => services.GetRequiredService<IFeedbackStorage>().Broadcasts);
        builder.Services.AddSingleton(services => services.GetRequiredService<IFeedbackStorage>().Actions);
        // First among the hosted services: nothing else may touch storage before the schema is current.
        builder.Services.AddHostedService<StorageInitializer>();
        return builder;
    }

    private static IFeedbackStorage Open(StorageOptions options) => options.Provider.ToUpperInvariant() switch
    {
        "SQLITE" => new SqliteFeedbackStorage(options.Sqlite.Path),
        _ => throw new OptionsValidationException(
            StorageOptions.Section,
            typeof(StorageOptions),
            [$"Storage:Provider '{options.Provider}' is not available in this build; use 'Sqlite'."]),
    };
}

namespace CitizenData.Bot.Channels.DirectLine;

public static class DirectLineHostingExtensions
{
    /// <summary>Direct Line 3.0: keys, tokens, conversations, streams and the outbox sender.</summary>
    public static IHostApplicationBuilder AddDirectLine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section);
        services.AddSingleton<DirectLineKeys>();
        // After the storage initializer (registered earlier): the keys live in the migrated database.
        services.AddHostedService<DirectLineKeysInitializer>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineAuthenticator>();
        services.AddSingleton<DirectLineStreams>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineRateLimits>();
        services.AddSingleton<IChannelSender, DirectLineSender>();
        services.AddSingleton<DirectLineRetentionWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<DirectLineRetentionWorker>());
        // Web pages on other sites may embed the chat: tokens travel in a header, never in cookies, so any origin is fine.
        services.AddCors(cors => cors.AddPolicy(DirectLineApi.CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent")
            .WithExposedHeaders("Retry-After")));
        return builder;
    }

    public static WebApplication MapDirectLine(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets();
        app.UseCors();
        app.MapDirectLineApi();
        return app;
    }
}

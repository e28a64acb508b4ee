using CitizenData.Bot.Channels;
using CitizenData.Bot.Channels.Telegram;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace CitizenData.Bot.Hosting;

public static class TelegramHostingExtensions
{
    /// <summary>
    /// The Telegram channel, when <c>Telegram:BotToken</c> is set: the shared update handler, polling or webhook set-up,
    /// the paced sender. Without a token nothing is registered but a line in the log saying the channel is off.
    /// </summary>
    public static IHostApplicationBuilder AddTelegram(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TelegramOptions>()
            .BindConfiguration(TelegramOptions.Section)
            .Validate(Validate, "Telegram settings are invalid: Webhook mode needs Telegram:WebhookUrl (an absolute URL), a WebhookSecret is 1–256 of A–Z a–z 0–9 _ -, and pacing rates are positive.")
            .ValidateOnStart();
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{TelegramOptions.Section}:{nameof(TelegramOptions.BotToken)}"]))
        {
            services.AddHostedService<TelegramOffNotice>();
            return builder;
        }

        // One long-lived client whose handler rotates connections itself; the container disposes it with the host.
        services.AddHttpClient(TelegramOptions.Section)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .ConfigureHttpClient((provider, http) => http.Timeout =
                TimeSpan.FromSeconds(Math.Clamp(provider.GetRequiredService<IOptions<TelegramOptions>>().Value.PollingTimeoutSeconds, 0, 50) + 30));
        services.AddSingleton<ITelegramBotClient>(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;
            // Telegram.Bot would otherwise wait out short 429s by itself; pacing and retry_after are the sender's business.
            var clientOptions = new TelegramBotClientOptions(settings.BotToken!, settings.ApiBaseUrl.TrimEnd('/')) { RetryThreshold = 0, RetryCount = 0 };
            return new TelegramBotClient(clientOptions, provider.GetRequiredService<IHttpClientFactory>().CreateClient(TelegramOptions.Section));
        });
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<TelegramOptions>>().Value.WebhookSecret is { Length: > 0 } secret
            ? new WebhookSecret(secret)
            : WebhookSecret.Generate());
        services.AddSingleton(provider => new TelegramPacer(provider.GetRequiredService<IOptions<TelegramOptions>>().Value.Pacing));
        services.TryAddSingleton<InboxBatcher>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<ButtonAnswers>();
        services.AddHostedService(provider => provider.GetRequiredService<ButtonAnswers>());
        services.AddSingleton<TelegramBotSetup>();
        services.AddHostedService<TelegramService>();
        services.AddSingleton<TelegramMedia>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<IChannelSender>(provider => provider.GetRequiredService<TelegramSender>());
        return builder;
    }

    /// <summary><c>POST /api/telegram/webhook</c>, in webhook mode only: in polling mode nobody should be posting updates.</summary>
    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (options.Enabled && options.Mode == TelegramMode.Webhook)
            app.MapTelegramWebhook();
        return app;
    }

    private static bool Validate(TelegramOptions options)
    {
        if (!options.Enabled)
            return true;
        var webhookOk = options.Mode != TelegramMode.Webhook
            || Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out _);
        var secretOk = options.WebhookSecret is null or { Length: 0 }
            || (options.WebhookSecret.Length <= 256 && options.WebhookSecret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'));
        var pacing = options.Pacing;
        var pacingOk = pacing.PerChatPerSecond > 0 && pacing.PerGroupPerMinute > 0 && pacing.GlobalPerSecond > 0 && pacing.PaidBroadcastPerSecond > 0;
        return webhookOk && secretOk && pacingOk && Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out _);
    }
}

using CitizenData.Bot.Channels;
using CitizenData.Bot.Conversations;
using CitizenData.Bot.Conversations.Flows;
using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Bot.Workers;
using CitizenData.Feedback.Themes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CitizenData.Bot.Hosting;

public static class ConversationHostingExtensions
{
    /// <summary>The turn pipeline, the resident's conversation, and the workers that drain the inbox and the outbox.</summary>
    public static IHostApplicationBuilder AddConversations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotTexts>();
        services.AddSingleton<WorkSignals>();
        services.TryAddSingleton<IThemeClassifier, UnclassifiedThemeClassifier>();

        services.AddSingleton<ITurnMiddleware, InputGuard>();
        services.AddSingleton<Inputs>();
        services.AddSingleton<Onboarding>();
        services.AddSingleton<PrivacyCommands>();
        services.AddSingleton<Updates>();
        services.AddSingleton<ITurnHandler, ResidentConversation>();
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<TurnProcessor>();
        services.AddSingleton<OutboxDispatcher>();

        services.AddHostedService<InboxWorker>();
        services.AddHostedService<OutboxWorker>();
        return builder;
    }
}

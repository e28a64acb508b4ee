using CitizenData.Bot.Actions;
using CitizenData.Bot.Admin;
using CitizenData.Bot.Broadcasts;
using CitizenData.Bot.Summaries;
using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Summaries;

namespace CitizenData.Bot.Hosting;

/// <summary>Closing the loop: summaries, broadcasts (drafts, approval, enqueuing, chart media) and actions.</summary>
public static class LoopHostingExtensions
{
    public static IHostApplicationBuilder AddLoop(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BroadcastOptions>().BindConfiguration(BroadcastOptions.Section);
        services.AddSingleton<SummaryBuilder>();
        services.AddSingleton<BroadcastService>();
        services.AddSingleton<BroadcastAudienceSelection>();
        services.AddSingleton<StaffBroadcasts>();
        services.AddSingleton<BroadcastEnqueuer>();
        services.AddSingleton<BroadcastSignal>();
        services.AddSingleton<ActionRecorder>();
        services.AddHostedService<BroadcastWorker>();
        return builder;
    }

    public static WebApplication MapLoop(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapAdminGroup().MapSummaries().MapBroadcasts().MapActions();
        app.MapBroadcastMedia();
        return app;
    }
}

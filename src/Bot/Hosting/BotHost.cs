using CitizenData.Bot.Admin;
using CitizenData.Bot.Admin.Dashboard;
using CitizenData.Bot.Channels.DirectLine;
using CitizenData.Bot.Themes;
using CitizenData.Bot.WebChat;

namespace CitizenData.Bot.Hosting;

/// <summary>The server, module by module. Tests build the same host with their own configuration.</summary>
public static class BotHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json ships beside the executable; data paths stay relative to the working directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddStorage();
        // Before the conversation workers: hosted services start in this order, and the model must be loaded before
        // the inbox worker runs turns (after a restart there may be inputs waiting), or they would go unclassified.
        builder.AddThemes();
        builder.AddConversations();
        builder.AddInProcessChannel();
        builder.AddAdmin();
        builder.AddDashboard();
        builder.AddTelegram();
        builder.AddDirectLine();
        builder.AddLoop();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapHealth();
        // Before MapAdmin's authorization: the dashboard's 403 page must wrap it.
        app.MapDashboard();
        app.MapAdmin();
        app.MapTelegram();
        app.MapDirectLine();
        app.MapWebChat();
        app.MapLoop();
        return app;
    }
}

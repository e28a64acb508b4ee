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
        // Themes before conversations: hosted services start in this order, and the model must be loaded before the
        // inbox worker takes up updates left pending by a crash, or they are stored unclassified.
        builder.AddThemes();
        builder.AddConversations();
        builder.AddInProcessChannel();
        builder.AddTelegram();
        builder.AddDirectLine();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapHealth();
        app.MapTelegram();
        app.MapDirectLine();
        app.MapWebChat();
        return app;
    }
}

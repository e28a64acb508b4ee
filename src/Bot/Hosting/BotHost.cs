using CitizenData.Bot.Admin;

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
        builder.AddConversations();
        builder.AddInProcessChannel();
        builder.AddAdmin();
        builder.AddLoop();
        builder.AddTelegram();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapHealth();
        app.MapAdmin();
        app.MapLoop();
        app.MapTelegram();
        return app;
    }
}

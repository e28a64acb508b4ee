using CitizenData.Bot.Hosting;

namespace CitizenData.Bot.Cli;

public static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = BotHost.Build(args);
        await app.RunAsync();
        return 0;
    }
}

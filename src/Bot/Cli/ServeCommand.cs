namespace CitizenData.Bot.Cli;

public static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/healthz", () => TypedResults.Ok("ok"));
        await app.RunAsync();
        return 0;
    }
}

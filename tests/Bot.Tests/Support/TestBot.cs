using CitizenData.Bot.Channels.InProcess;
using CitizenData.Bot.Conversations;
using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Bot.Hosting;
using CitizenData.Feedback.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CitizenData.Bot.Tests.Support;

/// <summary>
/// The real bot (host, SQLite, pipeline, outbox) with the in-process channel, driven step by step: a message is
/// committed to the inbox, its turn runs, the outbox drains. No background timing, so transcripts are deterministic.
/// </summary>
public sealed class TestBot : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestBot(WebApplication app, TempDatabase database)
    {
        this.app = app;
        Database = database;
    }

    public TempDatabase Database { get; }
    public IFeedbackStorage Storage => app.Services.GetRequiredService<IFeedbackStorage>();
    public BotTexts Texts => app.Services.GetRequiredService<BotTexts>();
    public InProcessChannel Channel => app.Services.GetRequiredService<InProcessChannel>();
    public IServiceProvider Services => app.Services;

    /// <summary>Builds the host on <paramref name="database"/> (a new one by default) without starting its workers.</summary>
    public static async Task<TestBot> StartAsync(TempDatabase? database = null, Action<WebApplicationBuilder>? configure = null)
    {
        database ??= new TempDatabase();
        var app = BotHost.Build([$"--Storage:Sqlite:Path={database.Path}", "--Logging:LogLevel:Default=Warning"], configure);
        var initializer = app.Services.GetServices<IHostedService>().OfType<StorageInitializer>().Single();
        await initializer.StartAsync(CancellationToken.None);
        return new TestBot(app, database);
    }

    public TestResident Resident(string userId, string? locale = null) => new(this, userId, locale);

    /// <summary>Runs every pending turn, then delivers every queued reply.</summary>
    public Task RunPendingAsync() => app.Services.GetRequiredService<InProcessRunner>().RunPendingAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

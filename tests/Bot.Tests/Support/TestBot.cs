using CitizenData.Bot.Channels;
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
    public async Task RunPendingAsync()
    {
        var processor = app.Services.GetRequiredService<TurnProcessor>();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        // Bounded, so a turn that never completes fails the test instead of hanging it.
        for (var pass = 0; await processor.ProcessPendingAsync(100, CancellationToken.None) > 0; pass++)
            Assert.True(pass < 20, "The inbox did not drain: a turn keeps failing.");
        for (var pass = 0; (await dispatcher.DrainAsync(Channel, 100, CancellationToken.None)).Sent > 0; pass++)
            Assert.True(pass < 20, "The outbox did not drain.");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

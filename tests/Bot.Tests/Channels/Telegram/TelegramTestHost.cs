using System.Net;
using System.Net.Sockets;
using CitizenData.Bot.Channels.Telegram;
using CitizenData.Bot.Hosting;
using CitizenData.Bot.Tests.Channels.Telegram.Fake;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Themes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitizenData.Bot.Tests.Channels.Telegram;

/// <summary>
/// Our real host on real Kestrel loopback, pointed at a fake Telegram, on a database that outlives restarts.
/// Pacing is generous unless a test sets its own, so transcripts do not wait out Telegram's per-chat rate.
/// </summary>
public sealed class TelegramTestHost : IAsyncDisposable
{
    public const string Secret = "s3cret_Webhook-token";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "citizendata-telegram-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Dictionary<string, string> settings;
    private readonly bool keywordClassifier;

    private TelegramTestHost(FakeTelegramServer telegram, TelegramMode mode, IDictionary<string, string>? extra, bool keywordClassifier)
    {
        Telegram = telegram;
        Mode = mode;
        this.keywordClassifier = keywordClassifier;
        Directory.CreateDirectory(directory);
        Port = FreePort();
        settings = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{Port}",
            ["Storage:Sqlite:Path"] = DatabasePath,
            ["Telegram:BotToken"] = FakeTelegramServer.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:Mode"] = mode.ToString(),
            ["Telegram:PollingTimeoutSeconds"] = "10",
            ["Telegram:Pacing:PerChatPerSecond"] = "1000",
            ["Telegram:Pacing:PerChatBurst"] = "100",
            ["Telegram:Pacing:PerGroupPerMinute"] = "10000",
            ["Telegram:Pacing:GlobalPerSecond"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (mode == TelegramMode.Webhook)
        {
            settings["Telegram:WebhookUrl"] = $"http://127.0.0.1:{Port}{TelegramWebhookEndpoint.Path}";
            settings["Telegram:WebhookSecret"] = Secret;
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            settings[key] = value;
    }

    public FakeTelegramServer Telegram { get; }

    public TelegramMode Mode { get; }

    public int Port { get; }

    public string DatabasePath => Path.Combine(directory, "citizendata.db");

    public string WebhookUrl => $"http://127.0.0.1:{Port}{TelegramWebhookEndpoint.Path}";

    public IReadOnlyDictionary<string, string> Settings => settings;

    public WebApplication? App { get; private set; }

    public IFeedbackStorage Storage => App?.Services.GetRequiredService<IFeedbackStorage>() ?? throw new InvalidOperationException("The host is not running.");

    /// <summary>Starts a fake Telegram and our host against it, and waits until the bot has told Telegram where it listens.</summary>
    public static async Task<TelegramTestHost> StartAsync(TelegramMode mode, IDictionary<string, string>? settings = null, bool keywordClassifier = true)
    {
        var telegram = await FakeTelegramServer.StartAsync();
        var host = new TelegramTestHost(telegram, mode, settings, keywordClassifier);
        await host.StartHostAsync();
        return host;
    }

    public async Task StartHostAsync()
    {
        if (App is not null)
            throw new InvalidOperationException("Already running.");
        var calls = Telegram.CallsOf(Mode == TelegramMode.Webhook ? "setWebhook" : "deleteWebhook").Count;
        App = BotHost.Build([.. settings.Select(s => $"--{s.Key}={s.Value}")], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (keywordClassifier)
                builder.Services.AddSingleton<IThemeClassifier, KeywordThemeClassifier>();
        });
        await App.StartAsync();
        await Telegram.WaitUntilAsync(
            () => Telegram.CallsOf(Mode == TelegramMode.Webhook ? "setWebhook" : "deleteWebhook").Count > calls,
            TimeSpan.FromSeconds(15),
            "the bot to set up its webhook or polling");
    }

    /// <summary>Stops the host the hard way: background work is cancelled at once, as close to a kill as a process allows.</summary>
    public async Task StopHostAsync()
    {
        if (App is null)
            return;
        using var now = new CancellationTokenSource(TimeSpan.FromMilliseconds(1));
        try
        {
            await App.StopAsync(now.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped without grace, on purpose.
        }
        await App.DisposeAsync();
        App = null;
    }

    public async Task RestartAsync()
    {
        await StopHostAsync();
        await StartHostAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await Telegram.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned eventually.
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

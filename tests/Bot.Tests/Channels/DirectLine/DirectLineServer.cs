using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CitizenData.Bot.Hosting;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Storage.Sqlite;
using CitizenData.Feedback.Themes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenData.Bot.Tests.Channels.DirectLine;

/// <summary>The real host on Kestrel loopback with a fresh SQLite file and a known Direct Line secret.</summary>
public sealed class DirectLineServer : IAsyncDisposable
{
    public const string Secret = "test-secret-0123456789";

    private readonly string directory;

    private DirectLineServer(WebApplication app, string baseUrl, string directory)
    {
        App = app;
        BaseUrl = baseUrl;
        this.directory = directory;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }
    public string BaseUrl { get; }
    public HttpClient Http { get; }
    public IFeedbackStorage Storage => App.Services.GetRequiredService<IFeedbackStorage>();

    public static async Task<DirectLineServer> StartAsync(params string[] settings)
    {
        var directory = Path.Combine(Path.GetTempPath(), "citizendata-dl-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        string[] args =
        [
            $"--Urls={baseUrl}",
            $"--Storage:Sqlite:Path={Path.Combine(directory, "citizendata.db")}",
            $"--DirectLine:Secret={Secret}",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var app = BotHost.Build(args, builder => builder.Services.AddSingleton<IThemeClassifier, KeywordThemeClassifier>());
        await app.StartAsync();
        return new DirectLineServer(app, baseUrl, directory);
    }

    /// <summary>
    /// A token for a new conversation, started as a trusted page server would start it, once the bot has greeted (so
    /// nothing is still on its way when a test counts what is stored).
    /// </summary>
    public async Task<(string Token, string ConversationId)> StartConversationAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var (token, conversationId) = (body.RootElement.GetProperty("token").GetString()!, body.RootElement.GetProperty("conversationId").GetString()!);
        await PollUntilAsync(token, conversationId, IsFromBot);
        return (token, conversationId);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostMessageAsync(string token, string conversationId, string text) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token,
            JsonSerializer.Serialize(new { type = "message", from = new { id = "someone" }, text, channelData = new { clientActivityID = Guid.NewGuid().ToString("N") } }));

    /// <summary>Polls until the bot has said something matching, returning every activity read so far.</summary>
    public async Task<List<JsonElement>> PollUntilAsync(string token, string conversationId, Func<JsonElement, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var activities = body.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
            if (activities.Any(done))
                return activities;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The bot did not answer as expected: " + string.Join(" | ", activities.Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : a.GetProperty("type").GetString())));
            await Task.Delay(100);
        }
    }

    public static bool IsFromBot(JsonElement activity) =>
        activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) && role.GetString() == "bot";

    /// <summary>Rows of the conversation in the Direct Line log and in the inbox: what "stores nothing" is checked against.</summary>
    public async Task<(long Log, long Inbox)> CountStoredAsync(string conversationId)
    {
        await using var connection = await ((SqliteFeedbackStorage)Storage).Database.OpenAsync(CancellationToken.None);
        async Task<long> CountAsync(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE conversation_id = $id;";
            command.Parameters.AddWithValue("$id", conversationId);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        return (await CountAsync("directline_activities"), await CountAsync("inbox"));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned eventually.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A classifier that knows a few words, so the flow reaches the theme confirmation without a trained model.</summary>
public sealed class KeywordThemeClassifier : IThemeClassifier
{
    private static readonly (string Word, string Theme)[] Words =
    [
        ("water", "water_sanitation"), ("borehole", "water_sanitation"), ("clinic", "health"), ("school", "education"), ("road", "infrastructure"),
    ];

    public ThemePrediction Classify(string text, string campaignCode, ThemeTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Words.FirstOrDefault(w => text.Contains(w.Word, StringComparison.OrdinalIgnoreCase));
        return match.Theme is null ? ThemePrediction.Unclassified : new ThemePrediction([new ThemeScore(match.Theme, 0.9)], "keywords");
    }
}

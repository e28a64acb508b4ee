using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CitizenData.Bot.Channels.Telegram;

namespace CitizenData.Bot.Tests.Channels.Telegram;

/// <summary>What the webhook endpoint says to callers that are not Telegram, or not making sense.</summary>
public sealed class TelegramWebhookTests : IAsyncLifetime, IDisposable
{
    private TelegramTestHost host = null!;
    private readonly HttpClient http = new();

    public async Task InitializeAsync() => host = await TelegramTestHost.StartAsync(TelegramMode.Webhook);

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task TheBotSetItsWebhookWithTheSecretAndItsCommandsInEveryLanguage()
    {
        var setWebhook = Assert.Single(host.Telegram.CallsOf("setWebhook"));
        Assert.Equal(host.WebhookUrl, (string?)setWebhook.Parameters["url"]);
        Assert.Equal(TelegramTestHost.Secret, (string?)setWebhook.Parameters["secret_token"]);
        Assert.Equal(["message", "edited_message", "callback_query", "my_chat_member"], setWebhook.Parameters["allowed_updates"]!.AsArray().Select(n => (string)n!));

        var commands = host.Telegram.CallsOf("setMyCommands");
        Assert.Contains(commands, c => c.Parameters["language_code"] is null);
        Assert.Contains(commands, c => (string?)c.Parameters["language_code"] == "en");
        var english = commands.First(c => (string?)c.Parameters["language_code"] == "en").Parameters["commands"]!.AsArray();
        Assert.Equal(["start", "help", "language", "mydata", "forget", "stop", "updates"], english.Select(c => (string)c!["command"]!));
        Assert.All(english, c => Assert.False(string.IsNullOrWhiteSpace((string?)c!["description"])));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("s3cret_Webhook-tokeN")]
    [InlineData("s3cret_Webhook-token-and-more")]
    public async Task AWrongOrMissingSecretGets401AndNothingIsStored(string? secret)
    {
        var update = host.Telegram.User(5001).TextUpdateJson(900_001, "/start community");
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(update, secret));
        Assert.Equal(0, await host.Storage.Inbox.CountPendingAsync());
        Assert.Null(await host.Storage.Participants.FindByChannelUserAsync("telegram", "5001"));
    }

    [Theory]
    [InlineData("{\"update_id\": 5, \"message\": ")]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{}")]
    [InlineData("{\"update_id\": \"five\"}")]
    public async Task MalformedJsonGets400AndNothingIsStored(string body)
    {
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(body, TelegramTestHost.Secret));
        Assert.Equal(0, await host.Storage.Inbox.CountPendingAsync());
    }

    [Fact]
    public async Task ABodyOver64KilobytesGets413()
    {
        var huge = host.Telegram.User(5002).TextUpdateJson(900_002, new string('x', 70_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(huge, TelegramTestHost.Secret));

        // Without a Content-Length (chunked), the cap holds while reading.
        using var request = new HttpRequestMessage(HttpMethod.Post, host.WebhookUrl) { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge))) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, TelegramTestHost.Secret);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await host.Storage.Inbox.CountPendingAsync());
    }

    [Fact]
    public async Task AnUpdateTheBotHasNoUseForIsAcknowledged()
    {
        var channelPost = """{"update_id":900003,"channel_post":{"message_id":5,"chat":{"id":-1009876543210,"title":"News","type":"channel"},"date":1763990000,"text":"Hello"}}""";
        Assert.Equal(HttpStatusCode.OK, await PostAsync(channelPost, TelegramTestHost.Secret));
        Assert.Empty(host.Telegram.Sent);
    }

    private async Task<HttpStatusCode> PostAsync(string json, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.WebhookUrl) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (secret is not null)
            request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}

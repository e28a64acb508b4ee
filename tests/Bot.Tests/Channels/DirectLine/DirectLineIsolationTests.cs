using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CitizenData.Bot.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenData.Bot.Tests.Channels.DirectLine;

/// <summary>A token opens only its own conversation, expires, cannot be forged or tampered with; bodies are capped; posting is rate-limited.</summary>
public sealed class DirectLineIsolationTests : IAsyncLifetime
{
    private DirectLineServer server = null!;

    public async Task InitializeAsync() => server = await DirectLineServer.StartAsync("--DirectLine:ActivityBurst=4", "--DirectLine:ActivitiesPerMinute=1");

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/activities")]
    [InlineData("POST", "/activities")]
    public async Task ATokenOpensOnlyItsOwnConversation(string method, string path)
    {
        var (mine, myConversation) = await server.StartConversationAsync();
        var (_, theirConversation) = await server.StartConversationAsync();
        var json = method == "POST" ? """{"type":"message","text":"hello"}""" : null;
        var theirs = await server.CountStoredAsync(theirConversation);

        using var own = await server.SendAsync(new HttpMethod(method), $"/v3/directline/conversations/{myConversation}{path}", mine, json);
        using var other = await server.SendAsync(new HttpMethod(method), $"/v3/directline/conversations/{theirConversation}{path}", mine, json);

        Assert.True(own.IsSuccessStatusCode, $"own conversation: {own.StatusCode}");
        await AssertErrorAsync(other, HttpStatusCode.Forbidden, "Forbidden");
        Assert.Equal(theirs, await server.CountStoredAsync(theirConversation));
    }

    [Fact]
    public async Task ATokenCannotOpenAnotherConversationsStream()
    {
        var (mine, _) = await server.StartConversationAsync();
        var (_, theirConversation) = await server.StartConversationAsync();
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        var url = new Uri($"{server.BaseUrl.Replace("http", "ws", StringComparison.Ordinal)}/v3/directline/conversations/{theirConversation}/stream?t={Uri.EscapeDataString(mine)}");

        var refused = await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => socket.ConnectAsync(url, CancellationToken.None));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredTokenIsRefusedWithTokenExpired()
    {
        var (_, conversationId) = await server.StartConversationAsync();
        var conversation = await server.Storage.DirectLine.FindConversationAsync(conversationId);
        var (expired, _) = server.App.Services.GetRequiredService<DirectLineTokens>().Issue(conversation!.UserId, conversationId, TimeSpan.FromSeconds(-5));

        using var read = await server.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", expired);
        using var refresh = await server.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", expired);

        await AssertErrorAsync(read, HttpStatusCode.Forbidden, "TokenExpired");
        await AssertErrorAsync(refresh, HttpStatusCode.Forbidden, "TokenExpired");
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKeyIsRefused()
    {
        var (_, conversationId) = await server.StartConversationAsync();
        var conversation = await server.Storage.DirectLine.FindConversationAsync(conversationId);
        var forged = Jwt("""{"alg":"HS256","typ":"JWT"}""", $$"""{"user":"{{conversation!.UserId}}","conv":"{{conversationId}}","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}""", "not-our-key"u8.ToArray());

        using var response = await server.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", forged);

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task ATamperedTokenIsRefused()
    {
        var (mine, _) = await server.StartConversationAsync();
        var (_, theirConversation) = await server.StartConversationAsync();
        var parts = mine.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url.DecodeFromChars(parts[1]))!;
        var tampered = JsonSerializer.Serialize(new { user = payload["user"].GetString(), conv = theirConversation, iat = payload["iat"].GetInt64(), exp = payload["exp"].GetInt64() });
        var token = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(tampered))}.{parts[2]}";

        using var response = await server.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirConversation}/activities", token);

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task AnUnsignedTokenIsRefused()
    {
        var (_, conversationId) = await server.StartConversationAsync();
        var conversation = await server.Storage.DirectLine.FindConversationAsync(conversationId);
        var header = Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"user":"{{conversation!.UserId}}","conv":"{{conversationId}}","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}"""));

        using var response = await server.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", $"{header}.{payload}.");

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task ACallWithoutCredentialsIsUnauthorised()
    {
        var (_, conversationId) = await server.StartConversationAsync();

        using var response = await server.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", bearer: null);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task OnlyTheSecretGeneratesTokens()
    {
        var (token, _) = await server.StartConversationAsync();

        using var withToken = await server.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", token);
        using var withSecret = await server.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineServer.Secret);

        await AssertErrorAsync(withToken, HttpStatusCode.Forbidden, "Forbidden");
        Assert.Equal(HttpStatusCode.OK, withSecret.StatusCode);
    }

    [Fact]
    public async Task ABodyOverTheCapIsRefusedWith413AndNothingIsStored()
    {
        var (token, conversationId) = await server.StartConversationAsync();
        var before = await server.CountStoredAsync(conversationId);

        using var response = await server.PostMessageAsync(token, conversationId, new string('a', 40 * 1024));

        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
        Assert.Equal(before, await server.CountStoredAsync(conversationId));
    }

    [Fact]
    public async Task PostingFasterThanTheLimitGets429WithRetryAfter()
    {
        var (token, conversationId) = await server.StartConversationAsync();
        var (otherToken, otherConversation) = await server.StartConversationAsync();

        for (var i = 0; i < 4; i++)
        {
            using var accepted = await server.PostMessageAsync(token, conversationId, $"message {i}");
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        var before = await server.CountStoredAsync(conversationId);
        using var throttled = await server.PostMessageAsync(token, conversationId, "one too many");
        using var neighbour = await server.PostMessageAsync(otherToken, otherConversation, "another conversation is not held back");

        await AssertErrorAsync(throttled, HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.True(throttled.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in seconds");
        Assert.Equal(before.Inbox, (await server.CountStoredAsync(conversationId)).Inbox);
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    internal static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        using var error = JsonDocument.Parse(body);
        Assert.Equal(code, error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.RootElement.GetProperty("error").GetProperty("message").GetString()));
    }

    private static string Jwt(string header, string payload, byte[] key)
    {
        var body = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}";
        return $"{body}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body)))}";
    }
}

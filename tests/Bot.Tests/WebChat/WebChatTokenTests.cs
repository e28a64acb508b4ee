using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitizenData.Bot.Channels.DirectLine;
using CitizenData.Bot.Tests.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenData.Bot.Tests.WebChat;

/// <summary><c>POST /api/webchat/token</c>: no secret needed, rate-limited per address, resumes with the page's previous token.</summary>
public sealed class WebChatTokenTests : IAsyncLifetime
{
    private DirectLineServer server = null!;

    public async Task InitializeAsync() => server = await DirectLineServer.StartAsync("--DirectLine:WebChatTokensPerMinute=4");

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task APageGetsATokenForANewConversationOnItsCampaignInItsLanguage()
    {
        var session = await RequestAsync(new { campaign = "community", locale = "fr-FR" });

        Assert.False(session.GetProperty("resumed").GetBoolean());
        Assert.Equal("community", session.GetProperty("campaign").GetString());
        Assert.Equal("fr", session.GetProperty("language").GetString());
        Assert.StartsWith("dl_", session.GetProperty("userId").GetString(), StringComparison.Ordinal);
        var token = session.GetProperty("token").GetString()!;
        var conversationId = session.GetProperty("conversationId").GetString()!;
        var greeting = await server.PollUntilAsync(token, conversationId, DirectLineServer.IsFromBot);
        Assert.Equal("fr", greeting.Single(DirectLineServer.IsFromBot).GetProperty("locale").GetString());
    }

    [Fact]
    public async Task ThePreviousTokenResumesTheSameConversationEvenAfterItExpired()
    {
        var first = await RequestAsync(new { });
        var conversationId = first.GetProperty("conversationId").GetString()!;
        var userId = first.GetProperty("userId").GetString()!;
        var (expired, _) = server.App.Services.GetRequiredService<DirectLineTokens>().Issue(userId, conversationId, TimeSpan.FromDays(-1));

        var resumed = await RequestAsync(new { token = expired });

        Assert.True(resumed.GetProperty("resumed").GetBoolean());
        Assert.Equal(conversationId, resumed.GetProperty("conversationId").GetString());
        Assert.Equal(userId, resumed.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task ATokenTooOldOrNotOursStartsAFreshConversation()
    {
        var first = await RequestAsync(new { });
        var conversationId = first.GetProperty("conversationId").GetString()!;
        var (ancient, _) = server.App.Services.GetRequiredService<DirectLineTokens>().Issue(first.GetProperty("userId").GetString()!, conversationId, TimeSpan.FromDays(-365));
        var forged = first.GetProperty("token").GetString()![..^4] + "AAAA";

        var fromAncient = await RequestAsync(new { token = ancient });
        var fromForged = await RequestAsync(new { token = forged });

        Assert.NotEqual(conversationId, fromAncient.GetProperty("conversationId").GetString());
        Assert.NotEqual(conversationId, fromForged.GetProperty("conversationId").GetString());
        Assert.False(fromForged.GetProperty("resumed").GetBoolean());
    }

    [Fact]
    public async Task OneAddressGetsOnlySoManyTokensAMinute()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last?.Dispose();
            last = await server.Http.PostAsJsonAsync("/api/webchat/token", new { });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        last.Dispose();
    }

    [Fact]
    public async Task AnUnknownCampaignIsNotFound()
    {
        using var response = await server.Http.PostAsJsonAsync("/api/webchat/token", new { campaign = "nowhere" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> RequestAsync(object body)
    {
        using var response = await server.Http.PostAsJsonAsync("/api/webchat/token", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}

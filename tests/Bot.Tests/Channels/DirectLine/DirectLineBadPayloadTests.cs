using System.Net;

namespace CitizenData.Bot.Tests.Channels.DirectLine;

/// <summary>What a client cannot post: each gets a clear Direct Line error, and nothing is stored.</summary>
public sealed class DirectLineBadPayloadTests : IAsyncLifetime
{
    private DirectLineServer server = null!;

    public async Task InitializeAsync() => server = await DirectLineServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData("this is not json", "not valid JSON")]
    [InlineData("{\"type\":\"message\",\"text\":", "not valid JSON")]
    [InlineData("[1,2,3]", "JSON object")]
    [InlineData("\"hello\"", "JSON object")]
    [InlineData("{\"text\":\"no type\"}", "'type' is required")]
    [InlineData("{\"type\":5,\"text\":\"hello\"}", "'type' is required and must be a string")]
    [InlineData("{\"type\":\"message\",\"text\":123}", "'text' must be a string")]
    [InlineData("{\"type\":\"message\",\"text\":[\"a\"]}", "'text' must be a string")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"attachments\":\"file\"}", "'attachments' must be an array")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"channelData\":7}", "'channelData' must be an object")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"locale\":{\"x\":1}}", "'locale' must be a language tag")]
    [InlineData("{\"type\":\"message\"}", "needs 'text'")]
    [InlineData("{\"type\":\"invoke\",\"name\":\"x\"}", "Activity type 'invoke' is not supported")]
    [InlineData("{\"type\":\"deleteUserData\"}", "Activity type 'deleteUserData' is not supported")]
    [InlineData("{\"type\":\"conversationUpdate\"}", "Activity type 'conversationUpdate' is not supported")]
    public async Task ABadPayloadGetsAClearErrorAndStoresNothing(string body, string explanation)
    {
        var (token, conversationId) = await server.StartConversationAsync();
        var before = await server.CountStoredAsync(conversationId);

        using var response = await server.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, body);

        await DirectLineIsolationTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
        Assert.Contains(explanation, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await server.CountStoredAsync(conversationId));
    }

    [Fact]
    public async Task A100KilobyteTextIsRefusedAsTooLargeAndStoresNothing()
    {
        var (token, conversationId) = await server.StartConversationAsync();
        var before = await server.CountStoredAsync(conversationId);

        using var response = await server.PostMessageAsync(token, conversationId, new string('x', 100 * 1024));

        await DirectLineIsolationTests.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
        Assert.Equal(before, await server.CountStoredAsync(conversationId));
    }

    [Fact]
    public async Task ABadWatermarkIsABadArgument()
    {
        var (token, conversationId) = await server.StartConversationAsync();

        using var response = await server.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=abc", token);

        await DirectLineIsolationTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task AnUnknownConversationIsNotFound()
    {
        using var response = await server.SendAsync(HttpMethod.Get, "/v3/directline/conversations/nope/activities", DirectLineServer.Secret);

        await DirectLineIsolationTests.AssertErrorAsync(response, HttpStatusCode.NotFound, "ConversationNotFound");
    }
}

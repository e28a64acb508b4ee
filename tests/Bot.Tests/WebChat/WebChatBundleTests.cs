using System.IO.Compression;
using System.Net;
using CitizenData.Bot.Tests.Channels.DirectLine;

namespace CitizenData.Bot.Tests.WebChat;

/// <summary>The page and Web Chat's bundle are served from the output folder; the bundle compressed for phones.</summary>
public sealed class WebChatBundleTests : IAsyncLifetime
{
    private DirectLineServer server = null!;

    public async Task InitializeAsync() => server = await DirectLineServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task ThePageIsServedAtTheRoot()
    {
        using var response = await server.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("/lib/webchat/webchat.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DirectLineServer.Secret, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBundleIsGzippedForBrowsersThatAcceptIt()
    {
        using var plainRequest = new HttpRequestMessage(HttpMethod.Get, "/lib/webchat/webchat.js");
        using var plain = await server.Http.SendAsync(plainRequest);
        var original = await plain.Content.ReadAsByteArrayAsync();
        using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, "/lib/webchat/webchat.js");
        gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        using var gzipped = await server.Http.SendAsync(gzipRequest);
        var compressed = await gzipped.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.True(original.Length > 3_000_000, "the official Web Chat bundle");
        Assert.Equal("gzip", Assert.Single(gzipped.Content.Headers.ContentEncoding));
        Assert.True(compressed.Length < original.Length / 3, $"{compressed.Length} bytes compressed");
        using var unzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var roundTrip = new MemoryStream();
        await unzip.CopyToAsync(roundTrip);
        Assert.Equal(original, roundTrip.ToArray());
    }
}

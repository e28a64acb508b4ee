using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CitizenData.Bot.Channels.DirectLine;
using CitizenData.Bot.Conversations;
using CitizenData.Feedback.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenData.Bot.Tests.Channels.DirectLine;

/// <summary>Delivery while the resident is away, erasure, uploads and CORS, over real HTTP and WebSockets.</summary>
public sealed class DirectLineConversationTests : IAsyncLifetime
{
    private DirectLineServer server = null!;

    public async Task InitializeAsync() => server = await DirectLineServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task AMessageQueuedWhileTheResidentWasAwayArrivesOnResumeFromTheWatermark()
    {
        var (token, conversationId) = await server.StartConversationAsync();
        var seen = await server.PollUntilAsync(token, conversationId, DirectLineServer.IsFromBot);
        var watermark = seen.Count;

        // A broadcast goes through the outbox like any reply, while no client is connected.
        await server.Storage.Outbox.EnqueueAsync([new OutboxEntry("directline", conversationId, ActivityJson.Serialize(new Activity { Text = "Results: the borehole is fixed." }), DateTimeOffset.UtcNow, "broadcast-1")]);
        server.App.Services.GetRequiredService<WorkSignals>().Outbox.Notify();

        using var resume = await server.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark={watermark}", token);
        resume.EnsureSuccessStatusCode();
        using var resumed = JsonDocument.Parse(await resume.Content.ReadAsStringAsync());
        var streamUrl = resumed.RootElement.GetProperty("streamUrl").GetString()!;
        Assert.Contains($"watermark={watermark}", streamUrl, StringComparison.Ordinal);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var activities = await ReceiveUntilAsync(socket, a => a.GetProperty("type").GetString() == "message");

        var message = Assert.Single(activities, a => a.GetProperty("type").GetString() == "message");
        Assert.Equal("Results: the borehole is fixed.", message.GetProperty("text").GetString());
        Assert.Equal(watermark + 1, message.GetProperty("channelData").GetProperty("webchat:sequence-id").GetInt64());
    }

    [Fact]
    public async Task ForgetErasesTheConversationsLogWithEverythingElse()
    {
        var (token, conversationId) = await server.StartConversationAsync();
        await SayAsync(token, conversationId, "I agree", "may we quote");
        await SayAsync(token, conversationId, "Yes", "area, village or ward");
        await SayAsync(token, conversationId, "Kibera Soweto East", "gender");
        await SayAsync(token, conversationId, "/forget", "Are you sure?");
        await SayAsync(token, conversationId, "Yes, erase everything", "Everything we kept about you is erased");

        var log = await server.Storage.DirectLine.ReadAsync(conversationId, 0, 1000);

        Assert.DoesNotContain(log, e => e.Document.Contains("Kibera Soweto East", StringComparison.Ordinal));
        Assert.DoesNotContain(log, e => e.Document.Contains("I agree", StringComparison.Ordinal));
        Assert.Contains(log, e => e.Document.Contains("Everything we kept about you is erased", StringComparison.Ordinal));
        Assert.Null(await server.Storage.Participants.FindByConversationAsync("directline", conversationId));
        using var again = await server.PostMessageAsync(token, conversationId, "/start");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the conversation itself goes on
    }

    [Fact]
    public async Task WhatResidentsTypedLeavesTheLogAfterTheRetentionWhileTheBotsSideStays()
    {
        await using var forgetful = await DirectLineServer.StartAsync("--DirectLine:UserActivityRetention=00:00:00");
        var (token, conversationId) = await forgetful.StartConversationAsync();
        using var posted = await forgetful.PostMessageAsync(token, conversationId, "No, thanks");
        await forgetful.PollUntilAsync(token, conversationId, a => DirectLineServer.IsFromBot(a) && a.GetProperty("text").GetString()!.Contains("only a note that you said no", StringComparison.Ordinal));

        var deleted = await forgetful.App.Services.GetRequiredService<DirectLineRetentionWorker>().PruneAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        var activities = await forgetful.PollUntilAsync(token, conversationId, DirectLineServer.IsFromBot);
        Assert.All(activities, a => Assert.True(DirectLineServer.IsFromBot(a)));
        Assert.Equal(2, activities.Count);
    }

    [Fact]
    public async Task AnUploadIsAnsweredPolitelyAndItsFileIsNotKept()
    {
        var (token, conversationId) = await server.StartConversationAsync();
        using var content = new MultipartFormDataContent();
        var activity = new StringContent("""{"type":"message","from":{"id":"x"},"attachments":[{"contentType":"image/png","name":"photo.png"}],"channelData":{"clientActivityID":"up-1"}}""", Encoding.UTF8);
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        content.Add(activity, "activity");
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("FILE-CONTENT-THAT-MUST-NOT-BE-STORED"));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "file", "photo.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=x") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activities = await server.PollUntilAsync(token, conversationId, a => DirectLineServer.IsFromBot(a) && a.GetProperty("text").GetString()!.Contains("only read text", StringComparison.Ordinal));
        var echo = Assert.Single(activities, a => a.GetProperty("channelData").TryGetProperty("clientActivityID", out var id) && id.GetString() == "up-1");
        Assert.Equal("photo.png", echo.GetProperty("attachments")[0].GetProperty("name").GetString());
        var log = await server.Storage.DirectLine.ReadAsync(conversationId, 0, 1000);
        Assert.DoesNotContain(log, e => e.Document.Contains("FILE-CONTENT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagesOnOtherSitesMayCallDirectLine()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        preflight.Headers.Add("Origin", "https://cso.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");

        using var response = await server.Http.SendAsync(preflight);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", allowed, StringComparison.Ordinal);
        Assert.Contains("x-ms-bot-agent", allowed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStreamSendsTypingWhileATurnRunsAndKeepAlivesWhenIdle()
    {
        await using var quick = await DirectLineServer.StartAsync("--DirectLine:KeepAliveInterval=00:00:00.300");
        var (token, conversationId) = await quick.StartConversationAsync();
        using var start = await quick.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=1", token);
        using var started = JsonDocument.Parse(await start.Content.ReadAsStringAsync());
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started.RootElement.GetProperty("streamUrl").GetString()!), CancellationToken.None);
        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, CancellationToken.None); // the client's own keep-alive is ignored

        var keepAlive = await ReceiveFrameAsync(socket);
        using var posted = await quick.PostMessageAsync(token, conversationId, "I agree");
        var activities = await ReceiveUntilAsync(socket, a => a.GetProperty("type").GetString() == "message" && DirectLineServer.IsFromBot(a));

        Assert.Equal(string.Empty, keepAlive);
        Assert.Equal("typing", activities[0].GetProperty("type").GetString());
        Assert.Contains(activities, a => a.GetProperty("type").GetString() == "message" && !DirectLineServer.IsFromBot(a));
    }

    private async Task SayAsync(string token, string conversationId, string text, string expected)
    {
        using var response = await server.PostMessageAsync(token, conversationId, text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await server.PollUntilAsync(token, conversationId, a => DirectLineServer.IsFromBot(a) && a.GetProperty("text").GetString()!.Contains(expected, StringComparison.Ordinal));
    }

    private static async Task<List<JsonElement>> ReceiveUntilAsync(ClientWebSocket socket, Func<JsonElement, bool> done)
    {
        var activities = new List<JsonElement>();
        while (true)
        {
            var frame = await ReceiveFrameAsync(socket);
            if (frame.Length == 0)
                continue; // keep-alive
            using var set = JsonDocument.Parse(frame);
            activities.AddRange(set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()));
            if (activities.Any(done))
                return activities;
        }
    }

    private static async Task<string> ReceiveFrameAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}

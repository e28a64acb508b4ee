using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CitizenData.WebChatLoad;

/// <summary>One resident's client: a WebSocket stream and POSTs, timing each message until the bot's reply to it arrives.</summary>
internal sealed class BenchConversation(HttpClient http, string conversationId, string token, string streamUrl) : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    // Arrival time of the first bot message replying to each of our activity ids (a reply may beat the POST's answer).
    private readonly ConcurrentDictionary<string, long> replies = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim arrived = new(0);
    private readonly CancellationTokenSource stop = new();
    private Task? receiving;
    private int botMessages;

    public string ConversationId => conversationId;
    public int BotMessages => Volatile.Read(ref botMessages);

    public async Task ConnectAsync()
    {
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(new Uri(streamUrl), stop.Token);
        receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>Waits until the bot has said something (the greeting that opens every conversation).</summary>
    public async Task WaitForBotAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (BotMessages == 0)
        {
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"No greeting in {conversationId}.");
            await arrived.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Sends a message and returns the time until the bot's first reply to it arrived on the stream.</summary>
    public async Task<TimeSpan> RoundTripAsync(string text, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { type = "message", from = new { id = "bench" }, text, channelData = new { clientActivityID = Guid.NewGuid().ToString("N") } }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetString()!;
        var deadline = started + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (replies.TryRemove(id, out var at))
                return Stopwatch.GetElapsedTime(started, at);
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"No reply to '{text}' in {conversationId}.");
            await arrived.WaitAsync(TimeSpan.FromMilliseconds(100));
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    return;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                var now = Stopwatch.GetTimestamp();
                if (message.Length > 0)
                    Read(message.ToArray(), now);
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closed.
        }
    }

    private void Read(byte[] frame, long now)
    {
        using var set = JsonDocument.Parse(frame);
        foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
        {
            if (activity.GetProperty("type").GetString() != "message" || activity.GetProperty("from").GetProperty("role").GetString() != "bot")
                continue;
            Interlocked.Increment(ref botMessages);
            if (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() is { } id)
                replies.TryAdd(id, now);
            arrived.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (receiving is not null)
            await receiving;
        socket.Dispose();
        stop.Dispose();
        arrived.Dispose();
    }
}

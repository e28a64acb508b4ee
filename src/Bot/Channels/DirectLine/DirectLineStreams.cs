using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using CitizenData.Bot.Conversations;
using CitizenData.Feedback.Storage;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Channels.DirectLine;

/// <summary>
/// The open WebSocket streams, by conversation. Each stream reads the durable log from its own watermark whenever it is
/// woken, so nothing is lost between catching up and going live, and nothing is sent twice.
/// </summary>
public sealed partial class DirectLineStreams(IFeedbackStorage storage, IOptions<DirectLineOptions> options, TimeProvider clock, ILogger<DirectLineStreams> logger)
{
    // Streams by conversation. A plain dictionary under a lock: opening and closing are rare next to the work a stream
    // does, and a lock makes "last stream of a conversation leaves while a new one arrives" impossible to get wrong.
    private readonly Dictionary<string, List<OpenStream>> open = new(StringComparer.Ordinal);

    /// <summary>New activities are in the log: every stream of the conversation reads from its watermark.</summary>
    public void Notify(string conversationId)
    {
        foreach (var stream in StreamsOf(conversationId))
            stream.Wake.Notify();
    }

    /// <summary>The bot is working on a turn: streams show a typing indicator (never stored, never polled).</summary>
    public void Typing(string conversationId, long afterSequence)
    {
        var streams = StreamsOf(conversationId);
        if (streams.Length == 0)
            return;
        var frame = DirectLineMapper.ToActivitySet([DirectLineMapper.ToTyping(conversationId, afterSequence, clock.GetUtcNow())], watermark: null);
        foreach (var stream in streams)
        {
            stream.Extra.Enqueue(frame);
            stream.Wake.Notify();
        }
    }

    /// <summary>Serves one accepted WebSocket until the client goes away or the server stops.</summary>
    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var stream = new OpenStream();
        lock (open)
        {
            if (!open.TryGetValue(conversationId, out var streams))
                open[conversationId] = streams = [];
            streams.Add(stream);
        }
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = ReceiveUntilClosedAsync(socket, stream, gone);
        try
        {
            await SendLoopAsync(socket, stream, conversationId, watermark, gone.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            lock (open)
            {
                if (open.TryGetValue(conversationId, out var streams) && streams.Remove(stream) && streams.Count == 0)
                    open.Remove(conversationId);
            }
            await gone.CancelAsync();
            await receiving;
            if (socket.State == WebSocketState.Open)
            {
                try
                {
                    using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or WebSocketException)
                {
                    // Closing is a courtesy.
                }
            }
        }
    }

    private async Task SendLoopAsync(WebSocket socket, OpenStream stream, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var keepAlive = options.Value.KeepAliveInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            while (stream.Extra.TryDequeue(out var frame))
                await SendAsync(socket, frame, cancellationToken);
            var entries = await storage.DirectLine.ReadAsync(conversationId, watermark, DirectLineConversations.PageSize, cancellationToken);
            if (entries.Count > 0)
            {
                watermark = entries[^1].Sequence;
                await SendAsync(socket, DirectLineMapper.ToActivitySet(entries.Select(e => e.Document), watermark), cancellationToken);
                continue;
            }
            var woken = stream.Wake.WaitAsync(keepAlive, cancellationToken);
            await woken;
            if (!stream.Wake.WasSignalled && stream.Extra.IsEmpty)
                await SendAsync(socket, string.Empty, cancellationToken); // keep-alive
        }
    }

    /// <summary>Clients send empty frames every 20 s to notice broken connections; they carry nothing, so they are read and dropped.</summary>
    private async Task ReceiveUntilClosedAsync(WebSocket socket, OpenStream stream, CancellationTokenSource gone)
    {
        await Task.Yield();
        var buffer = new byte[1024];
        try
        {
            while (!gone.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, gone.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Gone.
        }
        catch (Exception e)
        {
            LogReceiveFailed(e);
        }
        finally
        {
            await gone.CancelAsync();
            stream.Wake.Notify();
        }
    }

    private OpenStream[] StreamsOf(string conversationId)
    {
        lock (open)
            return open.TryGetValue(conversationId, out var streams) ? [.. streams] : [];
    }

    private static Task SendAsync(WebSocket socket, string frame, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading a Direct Line WebSocket failed.")]
    private partial void LogReceiveFailed(Exception exception);

    private sealed class OpenStream
    {
        public StreamSignal Wake { get; } = new();
        public ConcurrentQueue<string> Extra { get; } = new();
    }
}

/// <summary>Like <see cref="WorkSignal"/>, and tells whether the last wait ended because of a signal.</summary>
internal sealed class StreamSignal
{
    private readonly WorkSignal signal = new();
    private int signalled;

    public bool WasSignalled { get; private set; }

    public void Notify()
    {
        Volatile.Write(ref signalled, 1);
        signal.Notify();
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await signal.WaitAsync(timeout, cancellationToken);
        WasSignalled = Interlocked.Exchange(ref signalled, 0) == 1;
    }
}

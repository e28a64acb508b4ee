using System.Collections.Concurrent;
using CitizenData.Bot.Broadcasts;
using CitizenData.Feedback.Storage;
using Telegram.Bot.Types;

namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// Images for sendPhoto. A broadcast chart of ours (/media/broadcasts/…) is uploaded from storage once and sent by
/// Telegram's file_id after that, so a broadcast to 100,000 residents uploads its chart once per language and never
/// needs the server to be reachable from Telegram. Other URLs are passed on for Telegram to fetch.
/// </summary>
public sealed class TelegramMedia(IBroadcastStore broadcasts)
{
    private readonly ConcurrentDictionary<string, string> fileIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> uploads = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits while another send uploads one of these charts, before the caller takes a slot from the pacer: messages
    /// that waited out an upload holding their slots would then leave in a burst Telegram counts against the limits.
    /// </summary>
    public async Task AwaitUploadsAsync(IEnumerable<string> contentUrls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentUrls);
        foreach (var url in contentUrls)
        {
            if (BroadcastMediaRoutes.Parse(url) is not { } ours)
                continue;
            var key = ours.BroadcastId + "/" + ours.Name;
            if (fileIds.ContainsKey(key) || !uploads.TryGetValue(key, out var gate))
                continue;
            await gate.WaitAsync(cancellationToken);
            gate.Release();
        }
    }

    /// <summary>
    /// Sends the photo with <paramref name="send"/>. The first send of one of our charts uploads it while the others
    /// wait for its file_id: one upload, and no burst of slow uploads that would bunch up against Telegram's limits.
    /// </summary>
    public async Task<Message> SendAsync(string contentUrl, Func<InputFile, Task<Message>> send, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentUrl);
        ArgumentNullException.ThrowIfNull(send);
        if (BroadcastMediaRoutes.Parse(contentUrl) is not { } ours)
            return await send(TelegramPhoto.From(contentUrl));
        var key = ours.BroadcastId + "/" + ours.Name;
        if (fileIds.TryGetValue(key, out var known))
            return await send(InputFile.FromFileId(known));

        var gate = uploads.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (fileIds.TryGetValue(key, out known))
                return await send(InputFile.FromFileId(known));
            var media = await broadcasts.GetMediaAsync(ours.BroadcastId, ours.Name, cancellationToken)
                ?? throw new InvalidOperationException($"Broadcast media {contentUrl} is not stored.");
            var sent = await send(InputFile.FromStream(new MemoryStream(media.Content), ours.Name));
            if (sent.Photo is { Length: > 0 } sizes)
                fileIds.TryAdd(key, sizes[^1].FileId);
            return sent;
        }
        finally
        {
            gate.Release();
        }
    }
}

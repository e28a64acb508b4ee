using System.Collections.Concurrent;
using CitizenData.Bot.Broadcasts;
using CitizenData.Feedback.Storage;
using Telegram.Bot.Types;

namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// Images for sendPhoto. A broadcast chart of ours (/media/broadcasts/…) is uploaded from storage the first time and
/// sent by Telegram's file_id after that, so a broadcast to 100,000 residents uploads its chart once per language and
/// never needs the server to be reachable from Telegram. Other URLs are passed on for Telegram to fetch.
/// </summary>
public sealed class TelegramMedia(IBroadcastStore broadcasts)
{
    private readonly ConcurrentDictionary<string, string> fileIds = new(StringComparer.Ordinal);

    public async Task<InputFile> InputAsync(string contentUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentUrl);
        if (BroadcastMediaRoutes.Parse(contentUrl) is not { } ours)
            return TelegramPhoto.From(contentUrl);
        if (fileIds.TryGetValue(Key(ours), out var fileId))
            return InputFile.FromFileId(fileId);
        var media = await broadcasts.GetMediaAsync(ours.BroadcastId, ours.Name, cancellationToken)
            ?? throw new InvalidOperationException($"Broadcast media {contentUrl} is not stored.");
        return InputFile.FromStream(new MemoryStream(media.Content), ours.Name);
    }

    /// <summary>Remembers the file_id Telegram gave an uploaded chart, for every later recipient.</summary>
    public void Remember(string contentUrl, Message sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        if (BroadcastMediaRoutes.Parse(contentUrl) is { } ours && sent.Photo is { Length: > 0 } sizes)
            fileIds.TryAdd(Key(ours), sizes[^1].FileId);
    }

    private static string Key((string BroadcastId, string Name) media) => media.BroadcastId + "/" + media.Name;
}

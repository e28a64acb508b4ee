using Telegram.Bot.Types;

namespace CitizenData.Bot.Channels.Telegram;

/// <summary>An image attachment as sendPhoto takes it: a URL Telegram fetches, or bytes uploaded from a data: URI.</summary>
public static class TelegramPhoto
{
    public static InputFile From(string contentUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentUrl);
        if (!contentUrl.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            return InputFile.FromUri(contentUrl);
        // data:image/png;base64,AAAA…
        var comma = contentUrl.IndexOf(',', StringComparison.Ordinal);
        var header = contentUrl[5..comma];
        var extension = header.Split(';')[0] switch
        {
            "image/jpeg" => "jpg",
            "image/gif" => "gif",
            "image/webp" => "webp",
            _ => "png",
        };
        var bytes = Convert.FromBase64String(contentUrl[(comma + 1)..]);
        return InputFile.FromStream(new MemoryStream(bytes), "chart." + extension);
    }
}

using System.Text.Json.Nodes;

namespace CitizenData.Bot.Tests.Channels.Telegram.Fake;

/// <summary>A message the bot sent (sendMessage or sendPhoto), as the fake Telegram delivered it.</summary>
public sealed record SentMessage(
    long ChatId,
    int MessageId,
    string Method,
    string? Text,
    JsonArray? Entities,
    DateTimeOffset At,
    bool PaidBroadcast)
{
    /// <summary>The inline keyboard, as currently shown (editMessageReplyMarkup can take it away).</summary>
    public JsonObject? ReplyMarkup { get; set; }

    /// <summary>(label, callback data) of every inline button, row by row.</summary>
    public IReadOnlyList<(string Text, string Data)> Buttons =>
        ReplyMarkup?["inline_keyboard"] is JsonArray rows
            ? [.. rows.OfType<JsonArray>().SelectMany(row => row.OfType<JsonObject>()).Select(b => ((string)b["text"]!, (string?)b["callback_data"] ?? string.Empty))]
            : [];

    /// <summary>Telegram's own checks: 1–4,096 characters, entities inside the text and not overlapping wrongly.</summary>
    public bool IsWellFormed()
    {
        if (Method != "sendMessage")
            return true;
        if (Text is null || Text.Length is 0 or > 4096)
            return false;
        foreach (var entity in Entities?.OfType<JsonObject>() ?? [])
        {
            var offset = (int)entity["offset"]!;
            var length = (int)entity["length"]!;
            if (offset < 0 || length <= 0 || offset + length > Text.Length)
                return false;
            if (char.IsLowSurrogate(Text[offset]) || (offset + length < Text.Length && char.IsLowSurrogate(Text[offset + length])))
                return false;
        }
        return true;
    }
}

/// <summary>Any Bot API call the bot made, with its parameters.</summary>
public sealed record ApiCall(string Method, JsonObject Parameters, DateTimeOffset At);

/// <summary>A failure the fake answers instead of doing the call.</summary>
public sealed record FakeFault(int ErrorCode, string Description, int? RetryAfter = null)
{
    public static FakeFault TooManyRequests(int retryAfter) => new(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);

    public static FakeFault Blocked() => new(403, "Forbidden: bot was blocked by the user");

    public static FakeFault ServerError(int code = 502) => new(code, code == 502 ? "Bad Gateway" : "Internal Server Error");
}

/// <summary>Telegram's limits as the fake enforces them when a test asks: more than this in the window gets a 429.</summary>
public sealed record FakeRateLimits(int PerChatPerSecond = 1, int PerGroupPerMinute = 20, int GlobalPerSecond = 30, int RetryAfterSeconds = 1);

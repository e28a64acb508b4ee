using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CitizenData.Bot.Conversations;

namespace CitizenData.Bot.Channels.DirectLine;

/// <summary>
/// Pure mapping between Direct Line JSON and our <see cref="Activity"/>: what a client posted, checked and turned into
/// the activity the inbox keeps and the echo the client expects back; and a reply turned into the bot activity clients
/// read. No I/O here, so it is tested against recorded payloads.
/// </summary>
public static class DirectLineMapper
{
    public const string Channel = "directline";
    public const string BotId = "citizendata-bot";
    public const string BotName = "CitizenData";
    public const string SequenceIdProperty = "webchat:sequence-id";
    public const int MaxLocaleLength = 35;

    /// <summary>The server id of the activity at <paramref name="sequence"/>: <c>conversation|0000042</c>.</summary>
    public static string ActivityId(string conversationId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");

    /// <summary>Checks what a client posted. Only messages are kept; typing is accepted and dropped; anything else is refused.</summary>
    public static PostedActivity Parse(JsonNode? body)
    {
        if (body is not JsonObject activity)
            return PostedActivity.Refused("The body must be a JSON object (an activity).");
        if (!TryString(activity, "type", out var type) || type is null)
            return PostedActivity.Refused("'type' is required and must be a string, e.g. \"message\".");
        switch (type)
        {
            case ActivityTypes.Typing:
                return PostedActivity.Ignored;
            case ActivityTypes.Message:
                break;
            default:
                return PostedActivity.Refused($"Activity type '{type}' is not supported here; send \"message\" (or \"typing\").");
        }
        if (!TryString(activity, "text", out var text))
            return PostedActivity.Refused("'text' must be a string.");
        if (!TryString(activity, "locale", out var locale) || locale is { Length: > MaxLocaleLength })
            return PostedActivity.Refused($"'locale' must be a language tag of at most {MaxLocaleLength} characters.");
        if (activity["channelData"] is { } channelData && channelData.GetValueKind() != JsonValueKind.Object)
            return PostedActivity.Refused("'channelData' must be an object.");
        if (activity["from"] is { } from && from.GetValueKind() != JsonValueKind.Object)
            return PostedActivity.Refused("'from' must be an object.");
        List<Attachment>? attachments = null;
        if (activity["attachments"] is { } list)
        {
            if (list is not JsonArray array || array.Any(a => a is not JsonObject))
                return PostedActivity.Refused("'attachments' must be an array of objects.");
            // Only what the attachment is, never its content: we read text only for now.
            attachments = [.. array.Select(a => new Attachment(
                a!["contentType"] is JsonValue contentType && contentType.TryGetValue<string>(out var ct) ? ct : "application/octet-stream",
                Name: a["name"] is JsonValue name && name.TryGetValue<string>(out var n) ? n : null))];
        }
        if (string.IsNullOrEmpty(text) && attachments is not { Count: > 0 })
            return PostedActivity.Refused("A message needs 'text' (or attachments).");
        return new PostedActivity(PostOutcome.Accepted, null, activity, text, locale, attachments);
    }

    /// <summary>The activity the inbox keeps. The user is the token's, never the body's.</summary>
    public static Activity ToInbound(PostedActivity posted, string conversationId, string userId, string serverId, DateTimeOffset receivedAt, string? conversationLocale)
    {
        ArgumentNullException.ThrowIfNull(posted);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = serverId,
            Timestamp = receivedAt,
            ChannelId = Channel,
            From = new ChannelAccount(userId, Role: "user"),
            Recipient = new ChannelAccount(BotId, BotName, "bot"),
            Conversation = new ConversationAccount(conversationId),
            Locale = posted.Locale ?? conversationLocale,
            Text = string.IsNullOrEmpty(posted.Text) ? null : posted.Text,
            Attachments = posted.Attachments,
        };
    }

    /// <summary>
    /// The user's activity as it comes back to every client of the conversation: what the client sent (so
    /// <c>channelData.clientActivityID</c> survives), with the server's id, time, sequence and the token's user.
    /// </summary>
    public static string ToEcho(PostedActivity posted, string conversationId, string userId, long sequence, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var echo = (JsonObject)posted.Body!.DeepClone();
        var channelData = echo["channelData"] as JsonObject ?? [];
        echo.Remove("channelData");
        channelData[SequenceIdProperty] = sequence;
        var name = (posted.Body!["from"] as JsonObject)?["name"] is JsonValue n && n.TryGetValue<string>(out var userName) ? userName : null;
        echo["id"] = ActivityId(conversationId, sequence);
        echo["timestamp"] = FormatTime(receivedAt);
        echo["channelId"] = Channel;
        echo["from"] = name is null ? new JsonObject { ["id"] = userId, ["role"] = "user" } : new JsonObject { ["id"] = userId, ["name"] = name, ["role"] = "user" };
        echo["conversation"] = new JsonObject { ["id"] = conversationId };
        echo["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName, ["role"] = "bot" };
        echo["channelData"] = channelData;
        if (posted.Attachments is { Count: > 0 } attachments)
            echo["attachments"] = new JsonArray([.. attachments.Select(a => (JsonNode)new JsonObject { ["contentType"] = a.ContentType, ["name"] = a.Name })]);
        return echo.ToJsonString();
    }

    /// <summary>A reply or broadcast as clients read it: from the bot, in order, markdown, buttons visible to everyone.</summary>
    public static string ToBotActivity(Activity reply, string conversationId, long sequence, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var activity = reply with
        {
            Id = ActivityId(conversationId, sequence),
            Timestamp = sentAt,
            ChannelId = Channel,
            From = new ChannelAccount(BotId, BotName, "bot"),
            Conversation = new ConversationAccount(conversationId),
            TextFormat = reply.TextFormat ?? "markdown",
            // A `to` list hides the buttons from anyone not named in it.
            SuggestedActions = reply.SuggestedActions is { } actions ? actions with { To = null } : null,
            // Web Chat holds a reply back (up to 5 s) while it waits for an activity it never received.
            ReplyToId = IsLoggedActivity(reply.ReplyToId, conversationId) ? reply.ReplyToId : null,
        };
        var node = JsonSerializer.SerializeToNode(activity, ActivityJson.Options)!.AsObject();
        var channelData = node["channelData"] as JsonObject ?? [];
        node.Remove("channelData");
        channelData[SequenceIdProperty] = sequence;
        node["channelData"] = channelData;
        node["timestamp"] = FormatTime(sentAt);
        return node.ToJsonString();
    }

    /// <summary>
    /// A typing indicator: WebSocket only, never stored, each with an id of its own. Web Chat orders it by its sequence
    /// id, just after <paramref name="afterSequence"/> (the resident's message), so the bot's answer, which comes next in
    /// the log, ends it; without one Web Chat would order it by its timestamp, after everything, and leave it showing.
    /// </summary>
    public static string ToTyping(string conversationId, long afterSequence, DateTimeOffset at) => new JsonObject
    {
        ["type"] = ActivityTypes.Typing,
        ["id"] = $"{conversationId}|typing-{Guid.NewGuid():N}",
        ["timestamp"] = FormatTime(at),
        ["channelId"] = Channel,
        ["from"] = new JsonObject { ["id"] = BotId, ["name"] = BotName, ["role"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["channelData"] = new JsonObject { [SequenceIdProperty] = afterSequence + 0.5 },
    }.ToJsonString();

    /// <summary>An ActivitySet from stored activity documents, without parsing them again.</summary>
    public static string ToActivitySet(IEnumerable<string> activityDocuments, long? watermark)
    {
        ArgumentNullException.ThrowIfNull(activityDocuments);
        var set = new System.Text.StringBuilder("{\"activities\":[");
        var first = true;
        foreach (var document in activityDocuments)
        {
            if (!first)
                set.Append(',');
            set.Append(document);
            first = false;
        }
        set.Append(']');
        if (watermark is { } w)
            set.Append(CultureInfo.InvariantCulture, $",\"watermark\":\"{w}\"");
        return set.Append('}').ToString();
    }

    /// <summary>Watermarks are opaque to clients; ours is the sequence of the last activity seen. Empty means from the start.</summary>
    public static bool TryParseWatermark(string? watermark, out long sequence)
    {
        sequence = 0;
        return string.IsNullOrEmpty(watermark)
            || (long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out sequence) && sequence >= 0);
    }

    private static bool IsLoggedActivity(string? id, string conversationId) =>
        id is not null && id.Length > conversationId.Length + 1 && id.StartsWith(conversationId + "|", StringComparison.Ordinal)
        && id.AsSpan(conversationId.Length + 1).IndexOfAnyExceptInRange('0', '9') < 0;

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static bool TryString(JsonObject activity, string property, out string? value)
    {
        value = null;
        if (activity[property] is not { } node)
            return true;
        if (node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            value = s;
            return true;
        }
        return false;
    }
}

public enum PostOutcome
{
    Accepted,
    /// <summary>Acknowledged and dropped (typing).</summary>
    Ignored,
    Refused,
}

/// <summary>A posted activity, checked: accepted with what we use of it, ignored, or refused with the reason.</summary>
public sealed record PostedActivity(PostOutcome Outcome, string? Error, JsonObject? Body, string? Text, string? Locale, IReadOnlyList<Attachment>? Attachments)
{
    public static PostedActivity Ignored { get; } = new(PostOutcome.Ignored, null, null, null, null, null);

    public static PostedActivity Refused(string error) => new(PostOutcome.Refused, error, null, null, null, null);
}

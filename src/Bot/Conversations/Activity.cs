using System.Text.Json;
using System.Text.Json.Serialization;

namespace CitizenData.Bot.Conversations;

/// <summary>
/// The subset of the Bot Framework Activity schema that CitizenData uses, JSON-compatible with it (camelCase names,
/// same meanings), so Direct Line clients read our activities as they read Azure's.
/// </summary>
public sealed record Activity
{
    public string Type { get; init; } = ActivityTypes.Message;
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Locale { get; init; }
    public string? ReplyToId { get; init; }
    /// <summary>For contactRelationUpdate: "add" or "remove".</summary>
    public string? Action { get; init; }
    public string? Name { get; init; }
    public SuggestedActions? SuggestedActions { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public JsonElement? Value { get; init; }
    public JsonElement? ChannelData { get; init; }

    [JsonIgnore]
    public bool HasAttachments => Attachments is { Count: > 0 };
}

public static class ActivityTypes
{
    public const string Message = "message";
    /// <summary>The user edited an earlier message; <see cref="Activity.Id"/> names it.</summary>
    public const string MessageUpdate = "messageUpdate";
    /// <summary>The user blocked (action "remove") or unblocked (action "add") the bot.</summary>
    public const string ContactRelationUpdate = "contactRelationUpdate";
    public const string Typing = "typing";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Event = "event";
}

public sealed record ChannelAccount(string Id, string? Name = null, string? Role = null);

public sealed record ConversationAccount(string Id, bool? IsGroup = null);

public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions, IReadOnlyList<string>? To = null);

/// <summary>A button. We use imBack: pressing it sends <see cref="Value"/> as the user's text.</summary>
public sealed record CardAction(string Type, string Title, string Value);

public sealed record Attachment(string ContentType, string? ContentUrl = null, string? Name = null, JsonElement? Content = null);

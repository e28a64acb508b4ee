using System.Text.Json;

namespace CitizenData.Bot.Conversations;

/// <summary>
/// Carries the machine keys of a reply's buttons in <c>channelData.choiceKeys</c>, parallel to the suggested actions,
/// so a channel with hidden button values (Telegram's callback data) can send keys instead of labels.
/// </summary>
public static class ChoiceKeys
{
    public const string PropertyName = "choiceKeys";

    public static JsonElement? ToChannelData(IReadOnlyList<Choice>? choices) =>
        choices is { Count: > 0 }
            ? JsonSerializer.SerializeToElement(new Dictionary<string, string[]> { [PropertyName] = [.. choices.Select(c => c.Key)] })
            : null;

    public static IReadOnlyList<string>? FromChannelData(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(PropertyName, out var keys) && keys.ValueKind == JsonValueKind.Array
            ? [.. keys.EnumerateArray().Select(k => k.GetString() ?? string.Empty)]
            : null;
}

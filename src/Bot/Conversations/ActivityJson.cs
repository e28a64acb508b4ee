using System.Text.Json;
using System.Text.Json.Serialization;

namespace CitizenData.Bot.Conversations;

/// <summary>Activities on the wire and in the inbox/outbox: Bot Framework JSON (camelCase, nulls left out).</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Options);

    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize<Activity>(json, Options) ?? throw new JsonException("The activity is null.");
}

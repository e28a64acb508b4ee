using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CitizenData.Bot.Channels.DirectLine;

/// <summary>Response bodies of the Direct Line 3.0 endpoints, named as the protocol names them.</summary>
public sealed record TokenBody(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

public sealed record ConversationBody(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string StreamUrl);

public sealed record ResourceBody([property: JsonPropertyName("id")] string Id);

/// <summary>Reads a JSON request body with a size cap, so an oversized or malformed body is refused before anything is stored.</summary>
public static class JsonBody
{
    /// <summary>The parsed body (null when empty), or the error to answer.</summary>
    public static Task<(JsonNode? Body, IResult? Error)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ReadAsync(request.Body, request.ContentLength, maxBytes, cancellationToken);
    }

    public static async Task<(JsonNode? Body, IResult? Error)> ReadAsync(Stream body, long? contentLength, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (contentLength > maxBytes)
            return (null, DirectLineErrors.TooLarge(maxBytes));
        var buffer = new byte[(int)Math.Min(maxBytes + 1L, (contentLength ?? 4095) + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > maxBytes)
                    return (null, DirectLineErrors.TooLarge(maxBytes));
                Array.Resize(ref buffer, Math.Min(maxBytes + 1, buffer.Length * 2));
            }
            var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
                break;
            length += read;
        }
        if (length > maxBytes)
            return (null, DirectLineErrors.TooLarge(maxBytes));
        if (buffer.AsSpan(0, length).Trim(" \t\r\n"u8).IsEmpty)
            return (null, null);
        try
        {
            return (JsonNode.Parse(buffer.AsSpan(0, length)), null);
        }
        catch (JsonException e)
        {
            return (null, DirectLineErrors.BadArgument($"The body is not valid JSON: {e.Message}"));
        }
    }

    /// <summary>A string property of a JSON object, or null when absent or not a string.</summary>
    public static string? StringAt(JsonNode? node, params string[] path)
    {
        foreach (var name in path)
            node = node is JsonObject o ? o[name] : null;
        return node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
    }
}

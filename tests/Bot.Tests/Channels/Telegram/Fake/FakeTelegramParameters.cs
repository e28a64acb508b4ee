using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CitizenData.Bot.Tests.Channels.Telegram.Fake;

/// <summary>
/// Bot API parameters the ways Telegram takes them: query string, URL-encoded or multipart form (objects as JSON
/// strings, files as parts), or a JSON body.
/// </summary>
internal static class FakeTelegramParameters
{
    public static async Task<JsonObject> ReadAsync(HttpRequest request)
    {
        var parameters = new JsonObject();
        foreach (var (key, value) in request.Query)
            parameters[key] = Value(value.ToString());
        if (request.HasJsonContentType())
        {
            if (await JsonNode.ParseAsync(request.Body) is JsonObject body)
            {
                foreach (var (key, value) in body)
                    parameters[key] = value?.DeepClone();
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form)
                parameters[key] = Value(value.ToString());
            foreach (var file in form.Files)
                parameters[file.Name] = new JsonObject { ["file_name"] = file.FileName, ["size"] = file.Length };
        }
        return parameters;
    }

    /// <summary>Form values are strings; objects and arrays inside them are JSON.</summary>
    private static JsonNode? Value(string text)
    {
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // Just text that looks like JSON.
            }
        }
        // Telegram.Bot writes booleans in multipart forms as .NET does ("True"); Telegram takes either case.
        if (bool.TryParse(text, out var flag))
            return JsonValue.Create(flag);
        return JsonValue.Create(text);
    }
}

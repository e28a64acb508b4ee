using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// <c>POST /api/telegram/webhook</c>: Telegram delivers one update per call and retries until it gets a 2xx, so the
/// answer is 200 only once the update is committed, and a replay changes nothing.
/// </summary>
public static class TelegramWebhookEndpoint
{
    public const string Path = "/api/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    /// <summary>Updates are a few kilobytes; anything near this is not from Telegram.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok, UnauthorizedHttpResult, StatusCodeHttpResult, BadRequest<string>>> HandleAsync(
        HttpRequest request, WebhookSecret secret, TelegramUpdateHandler handler, CancellationToken cancellationToken)
    {
        if (!secret.Matches(request.Headers[SecretHeader]))
            return TypedResults.Unauthorized();
        if (request.ContentLength > MaxBodyBytes)
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(body.Value.Span, JsonBotAPI.Options);
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest("The body is not a Telegram update.");
        }
        if (update is not { Id: > 0 })
            return TypedResults.BadRequest("The body is not a Telegram update (no update_id).");

        await handler.HandleAsync(update, cancellationToken);
        return TypedResults.Ok();
    }

    /// <summary>Reads at most <see cref="MaxBodyBytes"/>; null when the body is longer (a chunked body has no length).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is { } length ? (int)length : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
                return buffer.WrittenMemory;
            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBodyBytes)
                return null;
        }
    }
}

/// <summary>The webhook secret, compared in constant time so its content cannot be guessed from response times.</summary>
public sealed class WebhookSecret
{
    private readonly byte[] expectedHash;

    public WebhookSecret(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
        expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
    }

    public string Value { get; }

    /// <summary>Makes a secret Telegram accepts (A–Z a–z 0–9 _ -).</summary>
    public static WebhookSecret Generate() => new(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));

    public bool Matches(string? presented)
    {
        if (presented is null)
            return false;
        // Hashing first gives equal lengths, so FixedTimeEquals does not even reveal the secret's length.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expectedHash);
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CitizenData.Bot.Channels.DirectLine;

/// <summary>Who a token was issued to: one user in one conversation, until <see cref="ExpiresAt"/>.</summary>
public sealed record DirectLineClaims(string UserId, string ConversationId, DateTimeOffset ExpiresAt);

public enum TokenCheck
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>
/// JWT-shaped tokens (HS256) carrying <c>user</c>, <c>conv</c> and <c>exp</c>. Web Chat decodes them, without checking,
/// to learn the user id; we check the signature and the expiry on every call.
/// </summary>
public sealed class DirectLineTokens(DirectLineKeys keys, TimeProvider clock)
{
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    public (string Token, DirectLineClaims Claims) Issue(string userId, string conversationId, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        var expires = DateTimeOffset.FromUnixTimeSeconds((now + lifetime).ToUnixTimeSeconds());
        var payload = new Payload(userId, conversationId, now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds());
        var body = $"{Header}.{Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, PayloadJson.Default.Payload))}";
        return ($"{body}.{Sign(body)}", new DirectLineClaims(userId, conversationId, expires));
    }

    /// <summary>Checks the signature first, so an expired answer is only ever given for a token we issued.</summary>
    public TokenCheck Check(string token, out DirectLineClaims? claims) => Check(token, clock.GetUtcNow(), out claims);

    public TokenCheck Check(string token, DateTimeOffset now, out DirectLineClaims? claims)
    {
        claims = null;
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header)
            return TokenCheck.Invalid;
        var expected = Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
            return TokenCheck.Invalid;
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), PayloadJson.Default.Payload);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return TokenCheck.Invalid;
        }
        if (payload is not { User.Length: > 0, Conv.Length: > 0 })
            return TokenCheck.Invalid;
        claims = new DirectLineClaims(payload.User, payload.Conv, DateTimeOffset.FromUnixTimeSeconds(payload.Exp));
        return now.ToUnixTimeSeconds() >= payload.Exp ? TokenCheck.Expired : TokenCheck.Valid;
    }

    private string Sign(string body) => Base64Url.EncodeToString(HMACSHA256.HashData(keys.SigningKey, Encoding.ASCII.GetBytes(body)));

    internal sealed record Payload(
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("conv")] string Conv,
        [property: JsonPropertyName("iat")] long Iat,
        [property: JsonPropertyName("exp")] long Exp);
}

[JsonSerializable(typeof(DirectLineTokens.Payload))]
internal sealed partial class PayloadJson : JsonSerializerContext;

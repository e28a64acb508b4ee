namespace CitizenData.Bot.Channels.DirectLine;

/// <summary>Who is calling: a trusted client holding the secret, or a resident's client holding a token.</summary>
public abstract record DirectLineCaller
{
    public sealed record Trusted : DirectLineCaller;

    public sealed record Resident(DirectLineClaims Claims) : DirectLineCaller;

    /// <summary>The caller may use this conversation: the secret opens every conversation, a token only its own.</summary>
    public bool MayOpen(string conversationId) => this switch
    {
        Trusted => true,
        Resident resident => string.Equals(resident.Claims.ConversationId, conversationId, StringComparison.Ordinal),
        _ => false,
    };
}

/// <summary>Reads <c>Authorization: Bearer …</c> (or the stream's <c>t</c> parameter) into a caller, or the Direct Line error to answer.</summary>
public sealed class DirectLineAuthenticator(DirectLineKeys keys, DirectLineTokens tokens)
{
    public (DirectLineCaller? Caller, IResult? Error) Authenticate(HttpContext context, bool allowQueryToken = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var credential = Bearer(context.Request.Headers.Authorization.ToString());
        if (credential is null && allowQueryToken && context.Request.Query["t"].ToString() is { Length: > 0 } queryToken)
            credential = queryToken;
        if (credential is null)
            return (null, DirectLineErrors.Unauthorized());
        if (keys.IsSecret(credential))
            return (new DirectLineCaller.Trusted(), null);
        return tokens.Check(credential, out var claims) switch
        {
            TokenCheck.Valid => (new DirectLineCaller.Resident(claims!), null),
            TokenCheck.Expired => (null, DirectLineErrors.TokenExpired()),
            _ => (null, DirectLineErrors.Forbidden("The token or secret is not valid.")),
        };
    }

    private static string? Bearer(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
}

using System.Net.WebSockets;
using System.Text.Json.Nodes;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CitizenData.Bot.Channels.DirectLine;

/// <summary>Direct Line 3.0 under <c>/v3/directline</c>, as the official clients (Web Chat, botframework-directlinejs) use it.</summary>
public static class DirectLineApi
{
    public const string CorsPolicy = "DirectLine";

    /// <summary>Attachments are not read yet, but an upload must be read to the end to be answered.</summary>
    private const long MaxUploadBytes = 16 * 1024 * 1024;

    public static RouteGroupBuilder MapDirectLineApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline").RequireCors(CorsPolicy);
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshToken);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        group.MapPost("/conversations/{conversationId}/upload", UploadAsync);
        return group;
    }

    /// <summary>A token for a new conversation, for a trusted client (the secret) to hand to a browser. Does not start it.</summary>
    public static async Task<IResult> GenerateTokenAsync(HttpContext context, [AsParameters] DirectLineServices dl, CancellationToken cancellationToken)
    {
        var (caller, error) = dl.Authenticator.Authenticate(context);
        if (error is not null)
            return error;
        if (caller is not DirectLineCaller.Trusted)
            return DirectLineErrors.Forbidden("Generating a token needs the Direct Line secret.");
        var (body, bodyError) = await JsonBody.ReadAsync(context.Request, dl.Options.Value.MaxActivityBytes, cancellationToken);
        if (bodyError is not null)
            return bodyError;
        var userId = UserIdFrom(body) ?? DirectLineConversations.NewUserId();
        var (token, claims) = dl.Tokens.Issue(userId, DirectLineConversations.NewConversationId(), dl.Options.Value.TokenLifetime);
        return TypedResults.Ok(new TokenBody(claims.ConversationId, token, ExpiresIn(dl)));
    }

    /// <summary>A new token for the same user and conversation; the old one must still be valid.</summary>
    public static IResult RefreshToken(HttpContext context, [AsParameters] DirectLineServices dl)
    {
        var (caller, error) = dl.Authenticator.Authenticate(context);
        if (error is not null)
            return error;
        if (caller is not DirectLineCaller.Resident resident)
            return DirectLineErrors.BadArgument("Only a token can be refreshed; the secret does not expire.");
        var (token, claims) = dl.Tokens.Issue(resident.Claims.UserId, resident.Claims.ConversationId, dl.Options.Value.TokenLifetime);
        return TypedResults.Ok(new TokenBody(claims.ConversationId, token, ExpiresIn(dl)));
    }

    /// <summary>Starts a conversation: with the secret a new one, with a token the token's own (200 when it already exists).</summary>
    public static async Task<IResult> StartConversationAsync(HttpContext context, [AsParameters] DirectLineServices dl, CancellationToken cancellationToken)
    {
        var (caller, error) = dl.Authenticator.Authenticate(context);
        if (error is not null)
            return error;
        var (body, bodyError) = await JsonBody.ReadAsync(context.Request, dl.Options.Value.MaxActivityBytes, cancellationToken);
        if (bodyError is not null)
            return bodyError;
        if (body is not (null or JsonObject))
            return DirectLineErrors.BadArgument("The body must be a JSON object: {\"user\":{\"id\":…},\"locale\":…}.");
        var locale = JsonBody.StringAt(body, "locale") is { Length: > 0 and <= DirectLineMapper.MaxLocaleLength } l ? l : null;
        var (conversationId, userId) = caller is DirectLineCaller.Resident resident
            ? (resident.Claims.ConversationId, resident.Claims.UserId)
            : (DirectLineConversations.NewConversationId(), UserIdFrom(body) ?? DirectLineConversations.NewUserId());

        var (conversation, created) = await dl.Conversations.StartAsync(conversationId, userId, locale, campaign: null, cancellationToken);
        if (conversation.UserId != userId)
            return DirectLineErrors.Forbidden("This conversation belongs to someone else.");
        var (token, _) = dl.Tokens.Issue(userId, conversationId, dl.Options.Value.TokenLifetime);
        var response = new ConversationBody(conversationId, token, ExpiresIn(dl), StreamUrl(context.Request, conversationId, token, watermark: null));
        return TypedResults.Json(response, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>Resuming: a fresh token and a stream URL that starts after <c>watermark</c>. Clients call it after every WebSocket close.</summary>
    public static async Task<IResult> ReconnectAsync(HttpContext context, string conversationId, string? watermark, [AsParameters] DirectLineServices dl, CancellationToken cancellationToken)
    {
        var (opened, error) = await OpenAsync(context, conversationId, dl, cancellationToken);
        if (error is not null)
            return error;
        if (!DirectLineMapper.TryParseWatermark(watermark, out var from))
            return DirectLineErrors.BadArgument("The watermark is not one this server gave out.");
        var (token, _) = dl.Tokens.Issue(opened!.Conversation.UserId, conversationId, dl.Options.Value.TokenLifetime);
        return TypedResults.Ok(new ConversationBody(conversationId, token, ExpiresIn(dl), StreamUrl(context.Request, conversationId, token, from)));
    }

    /// <summary>A resident's activity: committed to the log and the inbox before the id is answered.</summary>
    public static async Task<IResult> PostActivityAsync(HttpContext context, string conversationId, [AsParameters] DirectLineServices dl, CancellationToken cancellationToken)
    {
        var (opened, error) = await OpenAsync(context, conversationId, dl, cancellationToken);
        if (error is not null)
            return error;
        if (dl.RateLimits.TryPostActivity(conversationId) is { } retryAfter)
            return DirectLineErrors.TooManyRequests(retryAfter);
        var (body, bodyError) = await JsonBody.ReadAsync(context.Request, dl.Options.Value.MaxActivityBytes, cancellationToken);
        if (bodyError is not null)
            return bodyError;
        return await CommitAsync(opened!, DirectLineMapper.Parse(body), dl, cancellationToken);
    }

    /// <summary>Polling: the activities after <c>watermark</c>, and the new watermark.</summary>
    public static async Task<IResult> GetActivitiesAsync(HttpContext context, string conversationId, string? watermark, [AsParameters] DirectLineServices dl, CancellationToken cancellationToken)
    {
        var (_, error) = await OpenAsync(context, conversationId, dl, cancellationToken);
        if (error is not null)
            return error;
        if (!DirectLineMapper.TryParseWatermark(watermark, out var from))
            return DirectLineErrors.BadArgument("The watermark is not one this server gave out.");
        var entries = await dl.Conversations.ReadAsync(conversationId, from, cancellationToken);
        var set = DirectLineMapper.ToActivitySet(entries.Select(e => e.Document), entries.Count > 0 ? entries[^1].Sequence : from);
        return TypedResults.Text(set, "application/json");
    }

    /// <summary>The WebSocket stream: ActivitySets as text frames, empty frames as keep-alives.</summary>
    public static async Task<IResult> StreamAsync(HttpContext context, string conversationId, string? watermark, [AsParameters] DirectLineServices dl, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        if (!context.WebSockets.IsWebSocketRequest)
            return DirectLineErrors.BadArgument("This is the WebSocket stream; connect with a WebSocket.");
        var (_, error) = await OpenAsync(context, conversationId, dl, cancellationToken, allowQueryToken: true);
        if (error is not null)
            return error;
        if (!DirectLineMapper.TryParseWatermark(watermark, out var from))
            return DirectLineErrors.BadArgument("The watermark is not one this server gave out.");
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        await dl.Streams.RunAsync(socket, conversationId, from, stopping.Token);
        return TypedResults.Empty;
    }

    /// <summary>Files are not read yet: the activity part goes through (attachment names only) and the bot answers that it reads text.</summary>
    public static async Task<IResult> UploadAsync(HttpContext context, string conversationId, [AsParameters] DirectLineServices dl, CancellationToken cancellationToken)
    {
        var (opened, error) = await OpenAsync(context, conversationId, dl, cancellationToken);
        if (error is not null)
            return error;
        if (dl.RateLimits.TryPostActivity(conversationId) is { } retryAfter)
            return DirectLineErrors.TooManyRequests(retryAfter);
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
            return DirectLineErrors.UnsupportedMediaType("An upload is multipart/form-data with an 'activity' part.");
        if (context.Request.ContentLength > MaxUploadBytes)
            return DirectLineErrors.TooLarge((int)MaxUploadBytes);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxUploadBytes;

        JsonNode? activity = null;
        try
        {
            var reader = new MultipartReader(boundary, context.Request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var name = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) ? HeaderUtilities.RemoveQuotes(disposition.Name).Value : null;
                if (name == "activity" && activity is null)
                {
                    var (part, partError) = await JsonBody.ReadAsync(section.Body, null, dl.Options.Value.MaxActivityBytes, cancellationToken);
                    if (partError is not null)
                        return partError;
                    activity = part;
                }
                else
                {
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken); // the file: read, never kept
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return DirectLineErrors.TooLarge((int)MaxUploadBytes);
        }
        catch (InvalidDataException e)
        {
            return DirectLineErrors.BadArgument($"The multipart body is malformed: {e.Message}");
        }
        if (activity is null)
            return DirectLineErrors.BadArgument("The upload has no 'activity' part.");
        return await CommitAsync(opened!, DirectLineMapper.Parse(activity), dl, cancellationToken);
    }

    private static async Task<IResult> CommitAsync(Opened opened, PostedActivity posted, DirectLineServices dl, CancellationToken cancellationToken)
    {
        var conversation = opened.Conversation;
        switch (posted.Outcome)
        {
            case PostOutcome.Refused:
                return DirectLineErrors.BadArgument(posted.Error!);
            case PostOutcome.Ignored:
                return TypedResults.Ok(new ResourceBody($"{conversation.ConversationId}|ignored-{Guid.NewGuid():N}"));
        }
        // A trusted client speaks for whichever user it names; a resident's client only ever for the token's user.
        var userId = opened.Caller is DirectLineCaller.Resident resident
            ? resident.Claims.UserId
            : JsonBody.StringAt(posted.Body, "from", "id") is { Length: > 0 and <= 64 } named ? named : conversation.UserId;
        var id = await dl.Conversations.PostAsync(conversation, userId, posted, cancellationToken);
        return TypedResults.Ok(new ResourceBody(id));
    }

    /// <summary>Authenticates, enforces that a token opens only its own conversation, and loads the conversation.</summary>
    private static async Task<(Opened? Opened, IResult? Error)> OpenAsync(
        HttpContext context, string conversationId, DirectLineServices dl, CancellationToken cancellationToken, bool allowQueryToken = false)
    {
        var (caller, error) = dl.Authenticator.Authenticate(context, allowQueryToken);
        if (error is not null)
            return (null, error);
        if (!caller!.MayOpen(conversationId))
            return (null, DirectLineErrors.Forbidden("This token is for another conversation."));
        var conversation = await dl.Conversations.FindAsync(conversationId, cancellationToken);
        if (conversation is null)
            return (null, DirectLineErrors.ConversationNotFound(conversationId));
        if (caller is DirectLineCaller.Resident resident && resident.Claims.UserId != conversation.UserId)
            return (null, DirectLineErrors.Forbidden("This token is for another user."));
        return (new Opened(caller, conversation), null);
    }

    /// <summary>A conversation the caller may use.</summary>
    private sealed record Opened(DirectLineCaller Caller, DirectLineConversation Conversation);

    private static int ExpiresIn(DirectLineServices dl) => (int)dl.Options.Value.TokenLifetime.TotalSeconds;

    /// <summary>A user id a trusted client asked for; ids in tokens carry Direct Line's <c>dl_</c> prefix.</summary>
    private static string? UserIdFrom(JsonNode? body) =>
        JsonBody.StringAt(body, "user", "id") is { Length: > 0 and <= 64 } id && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':' or '@')
            ? id.StartsWith("dl_", StringComparison.Ordinal) ? id : "dl_" + id
            : null;

    private static string StreamUrl(HttpRequest request, string conversationId, string token, long? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var from = watermark is > 0 ? $"watermark={watermark}&" : string.Empty;
        return $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?{from}t={Uri.EscapeDataString(token)}";
    }
}

/// <summary>What the Direct Line endpoints need, bundled.</summary>
public sealed record DirectLineServices(
    DirectLineAuthenticator Authenticator,
    DirectLineTokens Tokens,
    DirectLineConversations Conversations,
    DirectLineStreams Streams,
    DirectLineRateLimits RateLimits,
    IOptions<DirectLineOptions> Options);

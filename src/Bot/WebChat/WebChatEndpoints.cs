using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CitizenData.Bot.Channels.DirectLine;
using CitizenData.Bot.Conversations.Flows;
using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CitizenData.Bot.WebChat;

/// <summary>
/// The web chat page at <c>/</c> (the official Web Chat, served from wwwroot) and <c>POST /api/webchat/token</c>, which
/// gives the page a Direct Line token without any secret in the page.
/// </summary>
public static class WebChatEndpoints
{
    private const int MaxRequestBytes = 4 * 1024;

    public static WebApplication MapWebChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                // The page and its script must stay fresh; webchat.js (cached for a day) is served by WebChatBundle.
                file.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            },
        });
        var bundle = new WebChatBundle(app.Environment);
        app.MapGet(WebChatBundle.Path, bundle.ServeAsync);
        app.MapPost("/api/webchat/token", IssueTokenAsync);
        return app;
    }

    /// <summary>
    /// A token for the page: a new conversation (opened on the campaign asked for, in the browser's language), or, given
    /// the page's previous token, the same conversation again, even some time after that token expired.
    /// </summary>
    public static async Task<IResult> IssueTokenAsync(
        HttpContext context,
        [AsParameters] DirectLineServices dl,
        ICampaignStore campaigns,
        BotTexts texts,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (dl.RateLimits.TryIssueWebChatToken(client) is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem("Too many chat sessions from this address; try again shortly.", statusCode: StatusCodes.Status429TooManyRequests);
        }
        var (body, error) = await JsonBody.ReadAsync(context.Request, MaxRequestBytes, cancellationToken);
        if (error is not null || body is not (null or JsonObject))
            return TypedResults.Problem("The body must be a small JSON object: {\"campaign\":…,\"locale\":…,\"token\":…}.", statusCode: StatusCodes.Status400BadRequest);

        var code = JsonBody.StringAt(body, "campaign") is { Length: > 0 } c ? c.Trim() : null;
        if (code is { Length: > 64 })
            return TypedResults.Problem("That campaign code is too long.", statusCode: StatusCodes.Status400BadRequest);
        var campaign = await campaigns.GetAsync(code ?? ResidentConversation.DefaultCampaignCode, cancellationToken);
        if (campaign is null)
            return TypedResults.Problem($"There is no campaign with the code '{code}'.", statusCode: StatusCodes.Status404NotFound);
        var locale = JsonBody.StringAt(body, "locale") is { Length: > 0 and <= DirectLineMapper.MaxLocaleLength } l ? l : null;
        var language = texts.MatchLocale(locale) is { } matched && campaign.Offers(matched) ? matched : campaign.Languages.FirstOrDefault(texts.Supports) ?? texts.DefaultLanguage;

        var options = dl.Options.Value;
        var (conversationId, userId, resumed) = await ResumableAsync(JsonBody.StringAt(body, "token"), dl, clock, cancellationToken) is { } previous
            ? (previous.ConversationId, previous.UserId, true)
            : (DirectLineConversations.NewConversationId(), DirectLineConversations.NewUserId(), false);
        if (!resumed)
            await dl.Conversations.StartAsync(conversationId, userId, locale, code, cancellationToken);
        var (token, _) = dl.Tokens.Issue(userId, conversationId, options.TokenLifetime);
        return TypedResults.Ok(new WebChatSession(token, conversationId, userId, (int)options.TokenLifetime.TotalSeconds, resumed, campaign.Code, campaign.Title(language), language));
    }

    /// <summary>The conversation a previous token of ours names, if it is authentic, recent enough, and still there.</summary>
    private static async Task<DirectLineConversation?> ResumableAsync(string? previousToken, DirectLineServices dl, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(previousToken))
            return null;
        var check = dl.Tokens.Check(previousToken, out var claims);
        var recent = check == TokenCheck.Valid
            || (check == TokenCheck.Expired && claims!.ExpiresAt + dl.Options.Value.ResumeWindow > clock.GetUtcNow());
        if (!recent)
            return null;
        var conversation = await dl.Conversations.FindAsync(claims!.ConversationId, cancellationToken);
        return conversation?.UserId == claims.UserId ? conversation : null;
    }

    public sealed record WebChatSession(
        [property: JsonPropertyName("token")] string Token,
        [property: JsonPropertyName("conversationId")] string ConversationId,
        [property: JsonPropertyName("userId")] string UserId,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("resumed")] bool Resumed,
        [property: JsonPropertyName("campaign")] string Campaign,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("language")] string Language);
}

using System.Text.Json.Serialization;

namespace CitizenData.Bot.Channels.DirectLine;

/// <summary>Direct Line's error body, <c>{"error":{"code","message"}}</c>, with the status codes the official clients react to.</summary>
public static class DirectLineErrors
{
    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult Unauthorized() =>
        Error(StatusCodes.Status401Unauthorized, "Unauthorized", "Send 'Authorization: Bearer <token or secret>'.");

    public static IResult Forbidden(string message) => Error(StatusCodes.Status403Forbidden, "Forbidden", message);

    public static IResult TokenExpired() =>
        Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; get a new one.");

    public static IResult ConversationNotFound(string conversationId) =>
        Error(StatusCodes.Status404NotFound, "ConversationNotFound", $"There is no conversation '{conversationId}'.");

    public static IResult TooLarge(int maxBytes) =>
        Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The body is larger than {maxBytes} bytes.");

    public static IResult UnsupportedMediaType(string message) => Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument", message);

    public static IResult TooManyRequests(TimeSpan retryAfter) => new Throttled(retryAfter);

    public static IResult Error(int status, string code, string message) =>
        TypedResults.Json(new ErrorBody(new ErrorDetail(code, message)), statusCode: status);

    public sealed record ErrorBody([property: JsonPropertyName("error")] ErrorDetail Error);

    public sealed record ErrorDetail([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("message")] string Message);

    /// <summary>429 with <c>Retry-After</c> in whole seconds, which the official client waits before retrying.</summary>
    private sealed class Throttled(TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", $"Too many activities; retry after {seconds} s.").ExecuteAsync(httpContext);
        }
    }
}

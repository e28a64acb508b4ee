namespace CitizenData.Bot.Broadcasts;

/// <summary>Where a broadcast's chart is served. The broadcast id is 128 random bits, so the URL is unguessable.</summary>
public static class BroadcastMediaRoutes
{
    public const string Prefix = "/media/broadcasts/";

    public static string ChartPath(string broadcastId, string language) => $"{Prefix}{broadcastId}/{language}.png";

    /// <summary>The broadcast id and media name of a chart URL of ours (absolute or relative), if it is one.</summary>
    public static (string BroadcastId, string Name)? Parse(string? url)
    {
        if (string.IsNullOrEmpty(url))
            return null;
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url;
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        var parts = path[Prefix.Length..].Split('/');
        return parts is [var id, var name] && id.Length > 0 && name.Length > 0 ? (id, name) : null;
    }

    public static IEndpointRouteBuilder MapBroadcastMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet(Prefix + "{id}/{name}", async (string id, string name, Feedback.Storage.IFeedbackStorage storage, CancellationToken cancellationToken) =>
            await storage.Broadcasts.GetMediaAsync(id, name, cancellationToken) is { } media
                ? Results.File(media.Content, media.ContentType)
                : Results.NotFound())
            .ExcludeFromDescription();
        return app;
    }
}

using System.Globalization;
using System.Text;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Hosting;

/// <summary><c>/healthz</c> (the process answers), <c>/readyz</c> (storage is migrated and reachable), <c>/metrics</c>.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok"));
        app.MapGet("/readyz", ReadyAsync);
        app.MapGet("/metrics", MetricsAsync);
        return app;
    }

    private static async Task<IResult> ReadyAsync(IEnumerable<IHostedService> hosted, IFeedbackStorage storage, CancellationToken cancellationToken)
    {
        if (hosted.OfType<StorageInitializer>().FirstOrDefault() is not { Ready: true })
            return TypedResults.Text("starting", statusCode: StatusCodes.Status503ServiceUnavailable);
        try
        {
            await storage.Inbox.CountPendingAsync(cancellationToken);
            return TypedResults.Text("ready");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return TypedResults.Text("storage unavailable: " + e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Prometheus text format: the queue depths an operator watches.</summary>
    private static async Task<IResult> MetricsAsync(IFeedbackStorage storage, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append("# HELP citizendata_inbox_pending Updates received and not yet processed.\n");
        text.Append("# TYPE citizendata_inbox_pending gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"citizendata_inbox_pending {await storage.Inbox.CountPendingAsync(cancellationToken)}\n");
        return TypedResults.Text(text.ToString(), "text/plain; version=0.0.4");
    }
}

using System.Security.Claims;
using CitizenData.Bot.Admin;
using CitizenData.Bot.Summaries;
using CitizenData.Feedback.Actions;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CitizenData.Bot.Actions;

/// <summary>"You said, we did": <c>GET|POST /api/admin/campaigns/{code}/actions</c> for analysts.</summary>
public static class ActionsApi
{
    public static RouteGroupBuilder MapActions(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/campaigns/{code}/actions", ListAsync).RequireAuthorization(StaffRoles.Analyst);
        group.MapPost("/campaigns/{code}/actions", RecordAsync).RequireAuthorization(StaffRoles.Analyst);
        return group;
    }

    /// <param name="Status">promised, in_progress or done.</param>
    public sealed record NewAction(List<string>? Themes, Dictionary<string, string>? Texts, string? Text, string? DutyBearer, string? Status, DateTimeOffset? Date);

    private static async Task<Results<Ok<IReadOnlyList<CampaignAction>>, NotFound<ProblemDetails>>> ListAsync(string code, IFeedbackStorage storage, CancellationToken cancellationToken)
    {
        if (await storage.Campaigns.GetAsync(code, cancellationToken) is null)
            return SummaryApi.CampaignNotFound(code);
        return TypedResults.Ok(await storage.Actions.ListByCampaignAsync(code, cancellationToken));
    }

    private static async Task<Results<Created<CampaignAction>, ValidationProblem, NotFound<ProblemDetails>>> RecordAsync(
        string code, NewAction body, ClaimsPrincipal user, IFeedbackStorage storage, ActionRecorder recorder, CancellationToken cancellationToken)
    {
        if (await storage.Campaigns.GetAsync(code, cancellationToken) is not { } campaign)
            return SummaryApi.CampaignNotFound(code);
        // One text for all languages may come as "text"; it is kept as English.
        var texts = body.Texts is { Count: > 0 } given ? given
            : body.Text is { } text ? new Dictionary<string, string> { ["en"] = text }
            : null;
        var outcome = await recorder.RecordAsync(campaign, new ActionRecorder.Request(body.Themes, texts, body.DutyBearer, body.Status, body.Date), user, cancellationToken);
        return outcome.Action is { } action
            ? TypedResults.Created($"{AdminApi.Prefix}/campaigns/{code}/actions", action)
            : TypedResults.ValidationProblem(outcome.Errors);
    }
}

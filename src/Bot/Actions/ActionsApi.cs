using System.Security.Claims;
using CitizenData.Bot.Admin;
using CitizenData.Bot.Admin.Audit;
using CitizenData.Bot.Admin.Auth;
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
        string code, NewAction body, ClaimsPrincipal user, IFeedbackStorage storage, StaffAudit audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await storage.Campaigns.GetAsync(code, cancellationToken) is not { } campaign)
            return SummaryApi.CampaignNotFound(code);
        if (body.Themes is not { Count: > 0 } themes)
            return AdminApi.Invalid("themes", "Name at least one theme the action is about.");
        if (themes.FirstOrDefault(t => !campaign.Taxonomy.Contains(t)) is { } unknown)
            return AdminApi.Invalid("themes", $"'{unknown}' is not a theme of this campaign.");
        var texts = body.Texts is { Count: > 0 } given
            ? given.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value.Trim(), StringComparer.Ordinal)
            : !string.IsNullOrWhiteSpace(body.Text) ? new Dictionary<string, string> { ["en"] = body.Text.Trim() } : [];
        if (texts.Count == 0 || texts.Values.Any(t => t.Length > 1000))
            return AdminApi.Invalid("texts", "Say what was done, in 1 to 1,000 characters per language.");
        if (string.IsNullOrWhiteSpace(body.DutyBearer) || body.DutyBearer.Length > 200)
            return AdminApi.Invalid("dutyBearer", "Name who acted (a duty bearer), in up to 200 characters.");
        if (!TryParseStatus(body.Status, out var status))
            return AdminApi.Invalid("status", "status is promised, in_progress or done.");

        var now = clock.GetUtcNow();
        var action = await storage.Actions.SaveAsync(new CampaignAction
        {
            Id = CampaignAction.NewId(),
            CampaignCode = campaign.Code,
            Themes = themes,
            Texts = texts,
            DutyBearer = body.DutyBearer.Trim(),
            Status = status,
            Date = body.Date ?? now,
            RecordedBy = StaffActor.Name(user),
            RecordedAt = now,
        }, cancellationToken);
        await audit.RecordAsync(user, "action.record", "action:" + action.Id, new { code, themes, status = status.ToString() }, cancellationToken);
        return TypedResults.Created($"{AdminApi.Prefix}/campaigns/{code}/actions", action);
    }

    private static bool TryParseStatus(string? text, out ActionStatus status)
    {
        status = ActionStatus.Promised;
        return string.IsNullOrEmpty(text) || Enum.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out status);
    }
}

using System.Security.Claims;
using CitizenData.Bot.Admin;
using CitizenData.Bot.Admin.Audit;
using CitizenData.Bot.Admin.Auth;
using CitizenData.Bot.Summaries;
using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CitizenData.Bot.Broadcasts;

/// <summary>Broadcast drafts (analysts), approval (approvers) and delivery reports.</summary>
public static class BroadcastsApi
{
    public static RouteGroupBuilder MapBroadcasts(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/campaigns/{code}/broadcasts", DraftAsync).RequireAuthorization(StaffRoles.Analyst);
        group.MapGet("/campaigns/{code}/broadcasts", ListAsync).RequireAuthorization(StaffRoles.Analyst);
        group.MapGet("/broadcasts/{id}", GetAsync).RequireAuthorization(StaffRoles.Analyst);
        // The same view for approvers, who must read what they approve (a policy per role: one route cannot name two).
        group.MapGet("/broadcasts/{id}/preview", GetAsync).RequireAuthorization(StaffRoles.Approver);
        group.MapPost("/broadcasts/{id}/approve", ApproveAsync).RequireAuthorization(StaffRoles.Approver);
        return group;
    }

    /// <param name="Message">Staff's words, the same in every language…</param>
    /// <param name="Messages">…or per language code.</param>
    public sealed record DraftRequest(
        string? Message,
        Dictionary<string, string>? Messages,
        bool IncludeSummary = true,
        bool IncludeChart = true,
        bool IncludeActions = true,
        BroadcastAudience? Audience = null,
        DateTimeOffset? From = null,
        DateTimeOffset? To = null);

    public sealed record DraftCreated(string Id, string Status);

    public sealed record BroadcastView(
        string Id,
        string CampaignCode,
        string Status,
        BroadcastCounts Counts,
        IReadOnlyDictionary<string, string> Previews,
        IReadOnlyDictionary<string, string> Charts,
        BroadcastAudience Audience,
        string? CreatedBy,
        DateTimeOffset CreatedAt,
        string? ApprovedBy,
        DateTimeOffset? ApprovedAt,
        DateTimeOffset? EnqueuedAt);

    private static async Task<Results<Created<DraftCreated>, ValidationProblem, NotFound<ProblemDetails>>> DraftAsync(
        string code, DraftRequest body, ClaimsPrincipal user, IFeedbackStorage storage, BroadcastService broadcasts, StaffAudit audit, CancellationToken cancellationToken)
    {
        var messages = body.Messages is { Count: > 0 } given
            ? given.Where(m => !string.IsNullOrWhiteSpace(m.Value)).ToDictionary(m => m.Key, m => m.Value.Trim(), StringComparer.Ordinal)
            : !string.IsNullOrWhiteSpace(body.Message) ? new Dictionary<string, string> { ["en"] = body.Message.Trim() } : [];
        if (messages.Count == 0 && !body.IncludeSummary && !body.IncludeActions)
            return AdminApi.Invalid("message", "A message is required when the broadcast includes neither the summary nor actions.");
        if (messages.Values.Any(m => m.Length > 2000))
            return AdminApi.Invalid("message", "Keep the message under 2,000 characters: the summary and actions follow it in one chat message.");
        if (body.From is { } f && body.To is { } t && t <= f)
            return AdminApi.Invalid("to", "to must be after from.");
        if (await storage.Campaigns.GetAsync(code, cancellationToken) is not { } campaign)
            return SummaryApi.CampaignNotFound(code);

        // One message for all languages is given under "en" and used wherever no translation exists.
        var draft = new Broadcast
        {
            Id = string.Empty,
            CampaignCode = campaign.Code,
            Messages = messages,
            IncludeSummary = body.IncludeSummary,
            IncludeChart = body.IncludeChart,
            IncludeActions = body.IncludeActions,
            Audience = body.Audience ?? new BroadcastAudience(),
            From = body.From,
            To = body.To,
            CreatedBy = StaffActor.Name(user),
        };
        var saved = await broadcasts.DraftAsync(campaign, draft, cancellationToken);
        await audit.RecordAsync(user, "broadcast.draft", "broadcast:" + saved.Id, new { code }, cancellationToken);
        return TypedResults.Created($"{AdminApi.Prefix}/broadcasts/{saved.Id}", new DraftCreated(saved.Id, Status(saved.Status)));
    }

    private static async Task<Results<Ok<List<BroadcastView>>, NotFound<ProblemDetails>>> ListAsync(string code, IFeedbackStorage storage, CancellationToken cancellationToken)
    {
        if (await storage.Campaigns.GetAsync(code, cancellationToken) is null)
            return SummaryApi.CampaignNotFound(code);
        var views = new List<BroadcastView>();
        foreach (var broadcast in await storage.Broadcasts.ListByCampaignAsync(code, cancellationToken))
            views.Add(await ViewAsync(storage, broadcast, cancellationToken));
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Ok<BroadcastView>, NotFound<ProblemDetails>>> GetAsync(string id, IFeedbackStorage storage, CancellationToken cancellationToken) =>
        await storage.Broadcasts.GetAsync(id, cancellationToken) is { } broadcast
            ? TypedResults.Ok(await ViewAsync(storage, broadcast, cancellationToken))
            : NotFound(id);

    private static async Task<Results<Ok<BroadcastView>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> ApproveAsync(
        string id, ClaimsPrincipal user, IFeedbackStorage storage, BroadcastService broadcasts, BroadcastSignal signal, StaffAudit audit, CancellationToken cancellationToken)
    {
        if (await storage.Broadcasts.GetAsync(id, cancellationToken) is not { } broadcast)
            return NotFound(id);
        Broadcast? approved;
        try
        {
            approved = await broadcasts.ApproveAsync(broadcast, StaffActor.Name(user), cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            approved = null;
        }
        if (approved is null)
            return TypedResults.Conflict(new ProblemDetails { Title = "Not a draft", Detail = $"Broadcast {id} is {Status(broadcast.Status)}; only a draft can be approved.", Status = StatusCodes.Status409Conflict });
        await audit.RecordAsync(user, "broadcast.approve", "broadcast:" + id, null, cancellationToken);
        signal.Notify();
        return TypedResults.Ok(await ViewAsync(storage, approved, cancellationToken));
    }

    private static async Task<BroadcastView> ViewAsync(IFeedbackStorage storage, Broadcast b, CancellationToken cancellationToken) => new(
        b.Id,
        b.CampaignCode,
        Status(b.Status),
        await storage.Broadcasts.CountAsync(b.Id, cancellationToken),
        b.Previews,
        b.ChartLanguages.ToDictionary(l => l, l => BroadcastMediaRoutes.ChartPath(b.Id, l)),
        b.Audience,
        b.CreatedBy,
        b.CreatedAt,
        b.ApprovedBy,
        b.ApprovedAt,
        b.EnqueuedAt);

    private static string Status(BroadcastStatus status) => status.ToString().ToLowerInvariant();

    private static NotFound<ProblemDetails> NotFound(string id) =>
        TypedResults.NotFound(new ProblemDetails { Title = "No such broadcast", Detail = $"There is no broadcast '{id}'.", Status = StatusCodes.Status404NotFound });
}

using System.Security.Claims;
using CitizenData.Bot.Admin;
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
        string code, DraftRequest body, ClaimsPrincipal user, StaffBroadcasts staff, CancellationToken cancellationToken) =>
        await staff.DraftAsync(code, body, user, cancellationToken) switch
        {
            DraftOutcome.Drafted(var saved) => TypedResults.Created($"{AdminApi.Prefix}/broadcasts/{saved.Id}", new DraftCreated(saved.Id, Status(saved.Status))),
            DraftOutcome.Refused(var problem) => Invalid(problem),
            _ => SummaryApi.CampaignNotFound(code),
        };

    private static ValidationProblem Invalid(DraftProblem problem) => problem switch
    {
        DraftProblem.MessageRequired => AdminApi.Invalid("message", "A message is required when the broadcast includes neither the summary nor actions."),
        DraftProblem.MessageTooLong => AdminApi.Invalid("message", "Keep the message under 2,000 characters: the summary and actions follow it in one chat message."),
        _ => AdminApi.Invalid("to", "to must be after from."),
    };

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

    private static async Task<Results<Ok<BroadcastView>, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult>> ApproveAsync(
        string id, ClaimsPrincipal user, IFeedbackStorage storage, StaffBroadcasts staff, CancellationToken cancellationToken) =>
        await staff.ApproveAsync(id, user, cancellationToken) switch
        {
            ApprovalOutcome.Approved(var approved) => TypedResults.Ok(await ViewAsync(storage, approved, cancellationToken)),
            ApprovalOutcome.NotADraft(var broadcast) => TypedResults.Conflict(new ProblemDetails { Title = "Not a draft", Detail = $"Broadcast {id} is {Status(broadcast.Status)}; only a draft can be approved.", Status = StatusCodes.Status409Conflict }),
            ApprovalOutcome.OwnDraft => TypedResults.Problem(title: "Your own draft", detail: $"You drafted broadcast {id}; with four-eyes approval another approver must approve it.", statusCode: StatusCodes.Status403Forbidden),
            _ => NotFound(id),
        };

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

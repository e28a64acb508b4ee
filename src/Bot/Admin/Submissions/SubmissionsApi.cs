using System.Security.Claims;
using CitizenData.Bot.Admin.Audit;
using CitizenData.Bot.Admin.Auth;
using CitizenData.Bot.Admin.Campaigns;
using CitizenData.Feedback.Privacy;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenData.Bot.Admin.Submissions;

/// <summary>
/// Submissions and the review queue. A reviewer's label sets the theme with <see cref="LabelSource.Reviewer"/> (which
/// retraining reads); a second review of an already labelled item only records agreement (Cohen's kappa).
/// </summary>
public static class SubmissionsApi
{
    public static RouteGroupBuilder MapSubmissions(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/campaigns/{code}/submissions", ListAsync).RequireAuthorization(StaffRoles.Analyst);
        group.MapGet("/campaigns/{code}/review", ReviewQueueAsync).RequireAuthorization(StaffRoles.Analyst);
        group.MapPost("/submissions/{id}/label", LabelAsync).RequireAuthorization(StaffRoles.Analyst);
        return group;
    }

    public sealed record Page(IReadOnlyList<SubmissionView> Items, int PageNumber, int PageSize, long Total);

    /// <param name="Items">Marked for review, least confident first.</param>
    /// <param name="SecondReview">A stable random 5 % of labelled items, offered for a second, independent label.</param>
    public sealed record ReviewWork(IReadOnlyList<SubmissionView> Items, IReadOnlyList<SubmissionView> SecondReview, ReviewerAgreement Agreement);

    /// <param name="SecondReview">True to record an independent second label without changing the item.</param>
    /// <param name="Version">The version read; a concurrent change answers 409.</param>
    public sealed record Label(string? Theme, bool SecondReview = false, long? Version = null);

    private static async Task<Results<Ok<Page>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string code,
        string? theme,
        bool? needsReview,
        string? language,
        string? channel,
        string? source,
        string? labelSource,
        string? from,
        string? to,
        string? location,
        int? page,
        int? pageSize,
        ICampaignStore campaigns,
        ISubmissionStore submissions,
        CampaignExport export,
        CancellationToken cancellationToken)
    {
        var query = new AdminQuery();
        var filter = new SubmissionQuery(code)
        {
            Theme = theme,
            NeedsReview = needsReview,
            Language = language,
            Channel = channel,
            Source = query.Enum<SubmissionSource>("source", source),
            LabelSource = query.Enum<LabelSource>("labelSource", labelSource),
            From = query.Time("from", from),
            To = query.Time("to", to),
            Location = location,
        };
        var number = query.Range("page", page, 1, 1, int.MaxValue);
        var size = query.Range("pageSize", pageSize, 50, 1, 500);
        if (query.Errors.Count > 0)
            return TypedResults.ValidationProblem(query.Errors);
        if (await campaigns.GetAsync(code, cancellationToken) is null)
            return CampaignsApi.NotFound(code);
        var result = await submissions.QueryAsync(filter, (number - 1) * size, size, cancellationToken);
        var pseudonyms = await export.PseudonymsAsync(cancellationToken);
        return TypedResults.Ok(new Page(result.Items.Select(s => SubmissionView.From(s, pseudonyms)).ToList(), number, size, result.Total));
    }

    private static async Task<Results<Ok<ReviewWork>, ValidationProblem, ProblemHttpResult>> ReviewQueueAsync(
        string code, int? max, ICampaignStore campaigns, ISubmissionStore submissions, CampaignExport export, CancellationToken cancellationToken)
    {
        var query = new AdminQuery();
        var limit = query.Range("max", max, 50, 1, 500);
        if (query.Errors.Count > 0)
            return TypedResults.ValidationProblem(query.Errors);
        if (await campaigns.GetAsync(code, cancellationToken) is null)
            return CampaignsApi.NotFound(code);
        var pseudonyms = await export.PseudonymsAsync(cancellationToken);
        var queue = await submissions.ReviewQueueAsync(code, limit, cancellationToken);
        var second = await submissions.SecondReviewCandidatesAsync(code, Math.Max(1, limit / 10), cancellationToken);
        var agreement = ReviewerAgreement.From((await submissions.ListSecondReviewsAsync(code, cancellationToken))
            .Where(r => r.PreviousTheme is not null)
            .Select(r => (r.PreviousTheme!, r.Theme)));
        return TypedResults.Ok(new ReviewWork(
            queue.Select(s => SubmissionView.From(s, pseudonyms)).ToList(),
            second.Select(s => SubmissionView.From(s, pseudonyms)).ToList(),
            agreement));
    }

    private static async Task<Results<Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> LabelAsync(
        string id,
        Label body,
        ClaimsPrincipal user,
        ICampaignStore campaigns,
        ISubmissionStore submissions,
        CampaignExport export,
        StaffAudit audit,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var submission = await submissions.GetAsync(id, cancellationToken);
        if (submission is null)
            return TypedResults.Problem(title: $"No submission '{id}'", statusCode: StatusCodes.Status404NotFound);
        var campaign = await campaigns.GetAsync(submission.CampaignCode, cancellationToken);
        if (string.IsNullOrWhiteSpace(body.Theme) || campaign is null || !campaign.Taxonomy.Contains(body.Theme))
            return AdminApi.Invalid("theme", $"One of the campaign's themes: {string.Join(", ", campaign?.Taxonomy.Keys ?? [])}.");
        if (body.Version is { } version && version != submission.Version)
            return Conflict();
        var alreadyLabelled = submission.Theme is not null && submission.LabelSource is LabelSource.Reviewer or LabelSource.Citizen;
        if (body.SecondReview && !alreadyLabelled)
            return AdminApi.Invalid("secondReview", "Only an item already labelled by a reviewer or the resident can have a second review.");

        var review = new ReviewRecord(
            submission.Id, submission.CampaignCode, StaffActor.Name(user), body.Theme, submission.Theme, submission.LabelSource, body.SecondReview, clock.GetUtcNow());
        var relabelled = body.SecondReview ? null : submission with { Theme = body.Theme, LabelSource = LabelSource.Reviewer, NeedsReview = false };
        try
        {
            await submissions.RecordReviewAsync(review, relabelled, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return Conflict();
        }
        await audit.RecordAsync(
            user,
            body.SecondReview ? "submission.second_review" : "submission.label",
            "submission:" + submission.Id,
            new { campaign = submission.CampaignCode, theme = body.Theme, previousTheme = submission.Theme, previousLabelSource = submission.LabelSource.ToString() },
            cancellationToken);
        var current = relabelled is null ? submission : await submissions.GetAsync(id, cancellationToken) ?? relabelled;
        return TypedResults.Ok(SubmissionView.From(current, await export.PseudonymsAsync(cancellationToken)));
    }

    private static ProblemHttpResult Conflict() =>
        TypedResults.Problem(title: "The submission changed meanwhile", detail: "Read it again and reapply the label.", statusCode: StatusCodes.Status409Conflict);
}

using System.Security.Claims;
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
        string code, int? max, ICampaignStore campaigns, ReviewBacklog backlog, CampaignExport export, CancellationToken cancellationToken)
    {
        var query = new AdminQuery();
        var limit = query.Range("max", max, 50, 1, 500);
        if (query.Errors.Count > 0)
            return TypedResults.ValidationProblem(query.Errors);
        if (await campaigns.GetAsync(code, cancellationToken) is null)
            return CampaignsApi.NotFound(code);
        var pseudonyms = await export.PseudonymsAsync(cancellationToken);
        var work = await backlog.ReadAsync(code, limit, cancellationToken);
        return TypedResults.Ok(new ReviewWork(
            work.ToLabel.Select(s => SubmissionView.From(s, pseudonyms)).ToList(),
            work.ForSecondReview.Select(s => SubmissionView.From(s, pseudonyms)).ToList(),
            work.Agreement));
    }

    private static async Task<Results<Ok<SubmissionView>, ValidationProblem, ProblemHttpResult>> LabelAsync(
        string id, Label body, ClaimsPrincipal user, SubmissionLabels labels, CampaignExport export, CancellationToken cancellationToken) =>
        await labels.LabelAsync(user, id, body.Theme, body.SecondReview, body.Version, cancellationToken) switch
        {
            LabelResult.Labelled labelled => TypedResults.Ok(SubmissionView.From(labelled.Current, await export.PseudonymsAsync(cancellationToken))),
            LabelResult.NoSuchSubmission => TypedResults.Problem(title: $"No submission '{id}'", statusCode: StatusCodes.Status404NotFound),
            LabelResult.UnknownTheme unknown => AdminApi.Invalid("theme", $"One of the campaign's themes: {string.Join(", ", unknown.CampaignThemes)}."),
            LabelResult.NotLabelledYet => AdminApi.Invalid("secondReview", "Only an item already labelled by a reviewer or the resident can have a second review."),
            LabelResult.ChangedMeanwhile => Conflict(),
            var other => throw new InvalidOperationException($"Unexpected label result {other}."),
        };

    private static ProblemHttpResult Conflict() =>
        TypedResults.Problem(title: "The submission changed meanwhile", detail: "Read it again and reapply the label.", statusCode: StatusCodes.Status409Conflict);
}

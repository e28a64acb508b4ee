using System.Security.Claims;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenData.Bot.Admin.Campaigns;

/// <summary>Campaigns: list, read, create, edit (including opening and closing with <c>status</c>). Analysts and admins.</summary>
public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaigns(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/campaigns", ListAsync).RequireAuthorization(StaffRoles.Analyst);
        group.MapGet("/campaigns/{code}", GetAsync).RequireAuthorization(StaffRoles.Analyst);
        group.MapPost("/campaigns/{code}", CreateAsync).RequireAuthorization(StaffRoles.Analyst);
        group.MapPut("/campaigns/{code}", UpdateAsync).RequireAuthorization(StaffRoles.Analyst);
        return group;
    }

    private static async Task<Ok<List<CampaignDefinition>>> ListAsync(ICampaignStore campaigns, CancellationToken cancellationToken) =>
        TypedResults.Ok((await campaigns.ListAsync(cancellationToken)).Select(CampaignDefinition.From).ToList());

    private static async Task<Results<Ok<CampaignDefinition>, ProblemHttpResult>> GetAsync(string code, ICampaignStore campaigns, CancellationToken cancellationToken) =>
        await campaigns.GetAsync(code, cancellationToken) is { } campaign ? TypedResults.Ok(CampaignDefinition.From(campaign)) : NotFound(code);

    private static async Task<Results<Created<CampaignDefinition>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string code, CampaignDefinition body, ClaimsPrincipal user, CampaignChanges changes, CancellationToken cancellationToken)
    {
        var change = await changes.CreateAsync(code, body, user, cancellationToken);
        if (change.Outcome == CampaignChangeOutcome.Invalid)
            return TypedResults.ValidationProblem(change.Errors);
        if (change.Campaign is { } saved)
            return TypedResults.Created($"{AdminApi.Prefix}/campaigns/{code}", CampaignDefinition.From(saved));
        return TypedResults.Problem(title: $"Campaign '{code}' exists", detail: "Use PUT to change it.", statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<CampaignDefinition>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string code, CampaignDefinition body, ClaimsPrincipal user, CampaignChanges changes, CancellationToken cancellationToken)
    {
        var change = await changes.UpdateAsync(code, body, user, cancellationToken);
        return change.Outcome switch
        {
            CampaignChangeOutcome.Saved => TypedResults.Ok(CampaignDefinition.From(change.Campaign!)),
            CampaignChangeOutcome.Invalid => TypedResults.ValidationProblem(change.Errors),
            CampaignChangeOutcome.NotFound => NotFound(code),
            _ => TypedResults.Problem(title: "The campaign changed meanwhile", detail: "Read it again and reapply the change.", statusCode: StatusCodes.Status409Conflict),
        };
    }

    internal static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem(title: $"No campaign '{code}'", statusCode: StatusCodes.Status404NotFound);
}

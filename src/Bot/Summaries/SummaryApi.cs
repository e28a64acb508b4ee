using CitizenData.Bot.Admin;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Summaries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CitizenData.Bot.Summaries;

/// <summary><c>GET /api/admin/campaigns/{code}/summary?from=&amp;to=&amp;audience=internal|public</c> for analysts.</summary>
public static class SummaryApi
{
    public static RouteGroupBuilder MapSummaries(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/campaigns/{code}/summary", GetAsync).RequireAuthorization(StaffRoles.Analyst);
        return group;
    }

    private static async Task<Results<Ok<CampaignSummary>, ValidationProblem, NotFound<ProblemDetails>>> GetAsync(
        string code, DateTimeOffset? from, DateTimeOffset? to, string? audience, IFeedbackStorage storage, SummaryBuilder summaries, CancellationToken cancellationToken)
    {
        if (!TryParseAudience(audience, out var parsed))
            return AdminApi.Invalid("audience", "audience is internal or public.");
        if (from is { } f && to is { } t && t <= f)
            return AdminApi.Invalid("to", "to must be after from.");
        if (await storage.Campaigns.GetAsync(code, cancellationToken) is not { } campaign)
            return CampaignNotFound(code);
        return TypedResults.Ok(await summaries.BuildAsync(campaign, from, to, parsed, cancellationToken));
    }

    public static bool TryParseAudience(string? audience, out SummaryAudience parsed)
    {
        parsed = SummaryAudience.Internal;
        if (string.IsNullOrEmpty(audience) || string.Equals(audience, "internal", StringComparison.OrdinalIgnoreCase))
            return true;
        parsed = SummaryAudience.Public;
        return string.Equals(audience, "public", StringComparison.OrdinalIgnoreCase);
    }

    public static NotFound<ProblemDetails> CampaignNotFound(string code) =>
        TypedResults.NotFound(new ProblemDetails { Title = "No such campaign", Detail = $"There is no campaign with the code '{code}'.", Status = StatusCodes.Status404NotFound });
}

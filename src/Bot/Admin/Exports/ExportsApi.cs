using System.Security.Claims;
using CitizenData.Bot.Admin.Audit;
using CitizenData.Bot.Admin.Campaigns;
using CitizenData.Feedback.Privacy;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenData.Bot.Admin.Exports;

/// <summary>
/// <c>GET campaigns/{code}/export?format=csv|json&amp;audience=internal|public&amp;from=&amp;to=</c> streams the export;
/// <c>GET campaigns/{code}/export/datapackage.json</c> (same query) describes it. The export's <c>Link</c> header
/// points at its descriptor.
/// </summary>
public static class ExportsApi
{
    public static RouteGroupBuilder MapExports(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/campaigns/{code}/export", ExportAsync).RequireAuthorization(StaffRoles.Analyst);
        group.MapGet("/campaigns/{code}/export/datapackage.json", DescribeAsync).RequireAuthorization(StaffRoles.Analyst);
        return group;
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        string code,
        string? format,
        string? audience,
        string? from,
        string? to,
        HttpContext context,
        ClaimsPrincipal user,
        ICampaignStore campaigns,
        CampaignExport export,
        StaffAudit audit,
        CancellationToken cancellationToken)
    {
        if (Parse(format, audience, from, to) is not { } request)
            return Invalid(format, audience, from, to);
        var campaign = await campaigns.GetAsync(code, cancellationToken);
        if (campaign is null)
            return CampaignsApi.NotFound(code);
        await audit.RecordAsync(user, "campaign.export", "campaign:" + code, new { format = request.Extension, audience = request.Audience.ToString().ToLowerInvariant(), request.From, request.To }, cancellationToken);
        context.Response.Headers.Link = $"<{context.Request.Path}/datapackage.json{context.Request.QueryString}>; rel=\"describedby\"; type=\"application/json\"";
        return TypedResults.Stream(
            stream => export.WriteAsync(campaign, request, stream, cancellationToken),
            request.ContentType,
            request.FileName(code));
    }

    private static async Task<Results<Ok<System.Text.Json.Nodes.JsonObject>, ValidationProblem, ProblemHttpResult>> DescribeAsync(
        string code, string? format, string? audience, string? from, string? to, ICampaignStore campaigns, CampaignExport export, CancellationToken cancellationToken)
    {
        if (Parse(format, audience, from, to) is not { } request)
            return Invalid(format, audience, from, to);
        var campaign = await campaigns.GetAsync(code, cancellationToken);
        if (campaign is null)
            return CampaignsApi.NotFound(code);
        return TypedResults.Ok(await export.DescribeAsync(campaign, request, request.FileName(code), cancellationToken));
    }

    private static ExportRequest? Parse(string? format, string? audience, string? from, string? to)
    {
        var query = new AdminQuery();
        var request = Parse(query, format, audience, from, to);
        return query.Errors.Count == 0 ? request : null;
    }

    private static ValidationProblem Invalid(string? format, string? audience, string? from, string? to)
    {
        var query = new AdminQuery();
        Parse(query, format, audience, from, to);
        return TypedResults.ValidationProblem(query.Errors);
    }

    private static ExportRequest Parse(AdminQuery query, string? format, string? audience, string? from, string? to) =>
        new(
            query.Enum<ExportFormat>("format", format) ?? ExportFormat.Csv,
            query.Enum<ExportAudience>("audience", audience) ?? ExportAudience.Internal,
            query.Time("from", from),
            query.Time("to", to));
}

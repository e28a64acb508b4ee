using CitizenData.Feedback.Staff;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenData.Bot.Admin.Audit;

/// <summary><c>GET /api/admin/audit?target=&amp;max=</c>: the newest staff changes first; admins only.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/audit", ListAsync).RequireAuthorization(StaffRoles.Admin);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem>> ListAsync(IAuditLog log, string? target, int? max, CancellationToken cancellationToken)
    {
        if (max is < 1 or > 1000)
            return AdminApi.Invalid("max", "max must be between 1 and 1000.");
        return TypedResults.Ok(await log.ListAsync(target, max ?? 100, cancellationToken));
    }
}

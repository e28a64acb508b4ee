using CitizenData.Bot.Admin.Auth;

namespace CitizenData.Bot.Admin;

/// <summary>The <c>/api/admin</c> route group that every admin endpoint, of any feature, is mapped into.</summary>
public static class AdminApi
{
    public const string Prefix = "/api/admin";

    /// <summary>
    /// A group under <c>/api/admin</c> that admits signed-in staff only (401 otherwise). Each endpoint then names the
    /// role it needs: <c>group.MapGet("/x", Handler).RequireAuthorization(StaffRoles.Analyst)</c> (403 for other roles;
    /// an admin is admitted everywhere).
    /// </summary>
    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup(Prefix)
            .RequireAuthorization(StaffAuthentication.AnyStaffPolicy)
            .WithTags("admin")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>A validation problem naming one field.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}

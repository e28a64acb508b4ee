using System.Security.Claims;

namespace CitizenData.Bot.Admin;

/// <summary>
/// The roles of CSO staff, each also the name of the authorization policy that admits it (an admin is admitted
/// everywhere). Endpoints say which they need: <c>.RequireAuthorization(StaffRoles.Analyst)</c>.
/// </summary>
public static class StaffRoles
{
    /// <summary>Everything, including accounts.</summary>
    public const string Admin = "admin";

    /// <summary>Campaigns, review, summaries, exports, broadcast drafts.</summary>
    public const string Analyst = "analyst";

    /// <summary>Approves broadcasts.</summary>
    public const string Approver = "approver";

    /// <summary>Their own group dialogues only.</summary>
    public const string Volunteer = "volunteer";

    public static readonly IReadOnlyList<string> All = [Admin, Analyst, Approver, Volunteer];

    /// <summary>The roles the policy named <paramref name="role"/> admits: the role itself and admin.</summary>
    public static string[] Admitted(string role) => role == Admin ? [Admin] : [role, Admin];

    /// <summary>Whether the policy named <paramref name="role"/> admits this user (what a page shows follows this).</summary>
    public static bool Admits(ClaimsPrincipal user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Admitted(role).Any(user.IsInRole);
    }
}

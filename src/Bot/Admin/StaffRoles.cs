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
}

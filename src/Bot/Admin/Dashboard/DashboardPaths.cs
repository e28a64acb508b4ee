namespace CitizenData.Bot.Admin.Dashboard;

/// <summary>Where the dashboard's pages live (<c>/admin</c>, a stable contract) and the links between them.</summary>
public static class DashboardPaths
{
    public const string Root = "/admin";
    public const string SignIn = "/admin/signin";
    public const string Status = "/admin/status";
    public const string ReturnUrlParameter = "returnUrl";

    public static bool IsDashboard(PathString path) => path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase);

    public const string NewCampaign = "/admin/campaigns/new";

    /// <summary>Staff accounts and API keys (admins).</summary>
    public const string Accounts = "/admin/accounts";

    public static string Overview(string code) => $"{Root}/campaigns/{Uri.EscapeDataString(code)}";

    public static string Review(string code) => $"{Overview(code)}/review";

    public static string EditCampaign(string code) => $"{Overview(code)}/edit";

    public static string Broadcasts(string code) => $"{Overview(code)}/broadcasts";

    public static string Broadcast(string id) => $"{Root}/broadcasts/{Uri.EscapeDataString(id)}";

    public static string Actions(string code) => $"{Overview(code)}/actions";

    public static string Exports(string code) => $"{Overview(code)}/exports";
}

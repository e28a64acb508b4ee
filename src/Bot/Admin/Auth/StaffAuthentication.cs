namespace CitizenData.Bot.Admin.Auth;

/// <summary>The authentication schemes and the claim names of staff sign-ins.</summary>
public static class StaffAuthentication
{
    /// <summary>Picks <see cref="ApiKeyScheme"/> when the request carries a bearer key, otherwise <see cref="CookieScheme"/>.</summary>
    public const string Scheme = "Staff";

    /// <summary>The dashboard's login cookie.</summary>
    public const string CookieScheme = "StaffCookie";

    /// <summary><c>Authorization: Bearer &lt;api key&gt;</c>.</summary>
    public const string ApiKeyScheme = "StaffApiKey";

    public const string CookieName = "citizendata.staff";

    /// <summary>The policy every admin route carries: any signed-in staff member (401 without credentials).</summary>
    public const string AnyStaffPolicy = "staff";
}

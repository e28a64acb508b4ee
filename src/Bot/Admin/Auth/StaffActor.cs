using System.Security.Claims;

namespace CitizenData.Bot.Admin.Auth;

/// <summary>Who a signed-in staff principal is, as the audit log names them.</summary>
public static class StaffActor
{
    public const string ApiKeyClaim = "citizendata:api_key";

    public static string ForApiKey(string keyId) => "apikey:" + keyId;

    /// <summary>The user name, or <c>apikey:&lt;id&gt;</c> for a machine.</summary>
    public static string Name(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.Name ?? throw new InvalidOperationException("The request is not signed in.");
    }

    public static string? Role(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.Role);
    }
}

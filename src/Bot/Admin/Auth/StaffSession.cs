using System.Security.Claims;
using CitizenData.Feedback.Staff;
using Microsoft.AspNetCore.Authentication;

namespace CitizenData.Bot.Admin.Auth;

/// <summary>Opens and closes a staff member's login-cookie session (the API's login and the dashboard's sign-in page).</summary>
public static class StaffSession
{
    public static Task SignInAsync(HttpContext context, StaffAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.UserName), new Claim(ClaimTypes.Role, account.Role)],
            StaffAuthentication.CookieScheme);
        return context.SignInAsync(StaffAuthentication.CookieScheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(StaffAuthentication.CookieScheme);
}

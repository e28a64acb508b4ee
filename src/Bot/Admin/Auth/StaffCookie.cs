using System.Security.Claims;
using CitizenData.Bot.Admin.Dashboard;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CitizenData.Bot.Admin.Auth;

/// <summary>The dashboard's login cookie: Secure, HttpOnly, SameSite=Strict, and re-checked against the account.</summary>
internal static class StaffCookie
{
    public static void Configure(CookieAuthenticationOptions options, AdminOptions admin)
    {
        options.Cookie.Name = StaffAuthentication.CookieName;
        options.Cookie.HttpOnly = true;
        // Browsers accept Secure cookies from http://localhost too; anywhere else the dashboard belongs behind HTTPS.
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.ExpireTimeSpan = admin.SessionLifetime;
        options.SlidingExpiration = true;
        // The API answers with status codes; a dashboard page sends the browser to the sign-in page and back.
        options.LoginPath = DashboardPaths.SignIn;
        options.ReturnUrlParameter = DashboardPaths.ReturnUrlParameter;
        options.Events.OnRedirectToLogin = context =>
        {
            if (DashboardPaths.IsDashboard(context.Request.Path))
                context.Response.Redirect(context.RedirectUri);
            else
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = ValidateAsync;
    }

    /// <summary>A deleted or locked account, or one whose role changed, loses its sessions at once.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var store = context.HttpContext.RequestServices.GetRequiredService<IStaffStore>();
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var account = name is null ? null : await store.GetAccountAsync(name, context.HttpContext.RequestAborted);
        if (account is null || account.IsLockedAt(clock.GetUtcNow()) || account.Role != context.Principal!.FindFirstValue(ClaimTypes.Role))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffAuthentication.CookieScheme);
        }
    }
}

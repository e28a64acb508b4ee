using CitizenData.Bot.Admin.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenData.Bot.Admin.Dashboard.Pages;

/// <summary>Sign-out is a form post (antiforgery-checked), so a link elsewhere cannot sign anyone out.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect(DashboardPaths.Root);

    public async Task<IActionResult> OnPostAsync()
    {
        await StaffSession.SignOutAsync(HttpContext);
        return Redirect(DashboardPaths.SignIn);
    }
}

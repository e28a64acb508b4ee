using CitizenData.Bot.Admin.Accounts;
using CitizenData.Bot.Admin.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenData.Bot.Admin.Dashboard.Pages;

/// <summary>Sign-in with the same accounts, lockout and cookie as the admin API's login.</summary>
public sealed class SignInModel(StaffAccounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    /// <summary>The text key of what went wrong, if anything.</summary>
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromForm] string? password)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(password))
            return Failed("signin.wrong_credentials");
        var result = await accounts.SignInAsync(UserName.Trim(), password, HttpContext.RequestAborted);
        switch (result)
        {
            case { Outcome: SignInOutcome.SignedIn, Account: { } account }:
                await StaffSession.SignInAsync(HttpContext, account);
                // Only a path on this site: a sign-in link must not send anyone elsewhere.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : DashboardPaths.Root);
            case { Outcome: SignInOutcome.LockedOut }:
                return Failed("signin.locked");
            default:
                return Failed("signin.wrong_credentials");
        }
    }

    private PageResult Failed(string error)
    {
        Error = error;
        var page = Page();
        page.StatusCode = StatusCodes.Status401Unauthorized;
        return page;
    }
}

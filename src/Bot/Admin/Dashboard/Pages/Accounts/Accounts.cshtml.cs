using CitizenData.Bot.Admin.Accounts;
using CitizenData.Bot.Admin.Auth;
using CitizenData.Feedback.Staff;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Accounts;

/// <summary>
/// Staff accounts and API keys for admins, through the admin API's own code (<see cref="AccountRules"/>,
/// <see cref="StaffAccounts"/>, <see cref="StaffApiKeys"/>), so every change is checked and audited as the API does.
/// </summary>
[Authorize(Policy = StaffRoles.Admin)]
public sealed class AccountsModel(IStaffStore store, StaffAccounts accounts, StaffApiKeys apiKeys, TimeProvider clock) : PageModel
{
    /// <summary>What the last change did, shown after the redirect: created, role, password, unlocked, deleted, revoked.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The account or key the last change was about.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    [BindProperty]
    public string? NewUserName { get; set; }

    [BindProperty]
    public string NewRole { get; set; } = StaffRoles.Analyst;

    [BindProperty]
    public string? KeyName { get; set; }

    [BindProperty]
    public string KeyRole { get; set; } = StaffRoles.Analyst;

    public IReadOnlyList<StaffAccount> Accounts { get; private set; } = [];

    public IReadOnlyList<ApiKey> ApiKeys { get; private set; } = [];

    /// <summary>Text keys (under "accounts.") of what the last post got wrong; nothing was stored.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Which form the errors belong to: "account", "key", or a user name.</summary>
    public string? ErrorForm { get; private set; }

    /// <summary>A key just created: shown in this answer only, never again.</summary>
    public CreatedKey? NewKey { get; private set; }

    public sealed record CreatedKey(string Name, string Role, string Key);

    /// <summary>Whether <see cref="Done"/> names a change this page makes (it comes from the address).</summary>
    public bool ShowsDone => Done is "created" or "role" or "password" or "unlocked" or "deleted" or "revoked" && !string.IsNullOrEmpty(Subject);

    public string Me => StaffActor.Name(User);

    public bool IsLocked(StaffAccount account) => account.IsLockedAt(clock.GetUtcNow());

    public bool HasError(string form, string field) => ErrorForm == form && Errors.Contains("invalid_" + field);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAccountAsync(string? password)
    {
        var errors = AccountRules.CheckNewAccount(NewUserName, NewRole, password);
        if (errors.Count > 0)
            return await RefuseAsync("account", StatusCodes.Status400BadRequest, [.. errors.Keys.Select(f => "invalid_" + f)]);
        try
        {
            await accounts.CreateAsync(NewUserName!, NewRole, password!, Me, HttpContext.RequestAborted);
        }
        catch (ConcurrencyConflictException)
        {
            return await RefuseAsync("account", StatusCodes.Status409Conflict, ["taken"]);
        }
        return Changed("created", NewUserName!);
    }

    public async Task<IActionResult> OnPostRoleAsync(string userName, string? role)
    {
        if (AccountRules.CheckChange(role ?? string.Empty, null).Count > 0)
            return await RefuseAsync(userName, StatusCodes.Status400BadRequest, ["invalid_role"]);
        if (AccountRules.RemovesOwnAdmin(Me, userName, role, deleting: false))
            return await RefuseAsync(userName, StatusCodes.Status400BadRequest, ["own_role"]);
        return await accounts.UpdateAsync(userName, role, null, false, Me, HttpContext.RequestAborted) is null
            ? NotFound()
            : Changed("role", userName);
    }

    public async Task<IActionResult> OnPostPasswordAsync(string userName, string? password)
    {
        if (AccountRules.CheckChange(null, password ?? string.Empty).Count > 0)
            return await RefuseAsync(userName, StatusCodes.Status400BadRequest, ["invalid_password"]);
        return await accounts.UpdateAsync(userName, null, password, false, Me, HttpContext.RequestAborted) is null
            ? NotFound()
            : Changed("password", userName);
    }

    public async Task<IActionResult> OnPostUnlockAsync(string userName) =>
        await accounts.UpdateAsync(userName, null, null, true, Me, HttpContext.RequestAborted) is null
            ? NotFound()
            : Changed("unlocked", userName);

    public async Task<IActionResult> OnPostDeleteAsync(string userName)
    {
        if (AccountRules.RemovesOwnAdmin(Me, userName, role: null, deleting: true))
            return await RefuseAsync(userName, StatusCodes.Status400BadRequest, ["own_delete"]);
        return await accounts.DeleteAsync(userName, Me, HttpContext.RequestAborted)
            ? Changed("deleted", userName)
            : NotFound();
    }

    public async Task<IActionResult> OnPostCreateKeyAsync()
    {
        var errors = AccountRules.CheckNewApiKey(KeyName, KeyRole);
        if (errors.Count > 0)
            return await RefuseAsync("key", StatusCodes.Status400BadRequest, [.. errors.Keys.Select(f => "invalid_" + (f == AccountRules.ApiKeyNameField ? "key_name" : "key_role"))]);
        var (stored, key) = await apiKeys.CreateAsync(KeyName!, KeyRole, Me, cancellationToken: HttpContext.RequestAborted);
        // No redirect: the key exists in this answer only, so it must not be cached or put in an address.
        Response.Headers.CacheControl = "no-store";
        NewKey = new CreatedKey(stored.Name, stored.Role, key);
        KeyName = null;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id) =>
        await apiKeys.RevokeAsync(id, Me, HttpContext.RequestAborted) is { } revoked
            ? Changed("revoked", revoked.Name)
            : NotFound();

    private RedirectToPageResult Changed(string done, string subject) => RedirectToPage(new { done, subject });

    private async Task<IActionResult> RefuseAsync(string form, int status, IReadOnlyList<string> errors)
    {
        Done = null;
        ErrorForm = form;
        Errors = errors;
        await LoadAsync();
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private async Task LoadAsync()
    {
        Accounts = [.. (await store.ListAccountsAsync(HttpContext.RequestAborted)).OrderBy(a => a.UserName, StringComparer.OrdinalIgnoreCase)];
        ApiKeys = [.. (await store.ListApiKeysAsync(HttpContext.RequestAborted))
            .OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt)];
    }
}

using CitizenData.Bot.Admin;
using CitizenData.Bot.Admin.Accounts;
using CitizenData.Bot.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>The Accounts page: staff accounts and API keys, managed by an admin without curl.</summary>
public sealed class AccountsPageTests : IAsyncLifetime
{
    private const string NewPassword = "another-long-passphrase";

    private DashboardBrowser dashboard = null!;

    public async Task InitializeAsync() => dashboard = await DashboardBrowser.StartAsync();

    public async Task DisposeAsync() => await dashboard.DisposeAsync();

    [SkippableFact]
    public async Task An_admin_creates_an_analyst_account_that_can_then_sign_in()
    {
        var page = await OpenAccountsAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Accounts");
        await page.Locator("#new-user-name").FillAsync("maria");
        await page.Locator("#new-role").SelectOptionAsync(StaffRoles.Analyst);
        await page.Locator("#new-password").FillAsync(NewPassword);
        await Expect(page.Locator("#new-password-hint")).ToHaveTextAsync("At least 10 characters.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The account maria is created.", new() { Timeout = 20_000 });
        var card = Card(page, "maria");
        await Expect(card).ToContainTextAsync("analyst");
        await Expect(card).ToContainTextAsync("Active");
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-accounts");

        var stored = await dashboard.Host.Storage.Staff.GetAccountAsync("maria");
        Assert.Equal(StaffRoles.Analyst, stored!.Role);
        var audit = Assert.Single(await dashboard.Host.Storage.Audit.ListAsync("account:maria"));
        Assert.Equal("account.create", audit.Action);
        Assert.StartsWith(StaffRoles.Admin, audit.Actor, StringComparison.Ordinal);

        var analystPage = await dashboard.NewPageAsync();
        await dashboard.SignInAsync(analystPage, "maria", NewPassword);
        await Expect(analystPage.Locator("header form.who")).ToContainTextAsync("maria (analyst)");
        await Expect(analystPage.Locator("#accounts-link")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task An_admin_changes_a_role_and_a_password_but_cannot_demote_themselves()
    {
        await dashboard.Host.CreateAccountAsync("sam", DashboardBrowser.Password, StaffRoles.Analyst);
        var page = await OpenAccountsAsync();
        var card = Card(page, "sam");
        await card.GetByLabel("Role").SelectOptionAsync(StaffRoles.Approver);
        await card.GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The role of sam is changed.", new() { Timeout = 20_000 });
        await Expect(Card(page, "sam")).ToContainTextAsync("approver");
        Assert.Equal(StaffRoles.Approver, (await dashboard.Host.Storage.Staff.GetAccountAsync("sam"))!.Role);

        await Card(page, "sam").GetByLabel("New password").FillAsync(NewPassword);
        await Card(page, "sam").GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The password of sam is changed.", new() { Timeout = 20_000 });
        var samPage = await dashboard.NewPageAsync();
        await dashboard.SignInAsync(samPage, "sam", NewPassword);

        var me = await MeAsync(page);
        var own = Card(page, me);
        await own.GetByLabel("Role").SelectOptionAsync(StaffRoles.Analyst);
        var response = await page.RunAndWaitForResponseAsync(
            () => own.GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("You cannot take the admin role from your own account");
        Assert.Equal(StaffRoles.Admin, (await dashboard.Host.Storage.Staff.GetAccountAsync(me))!.Role);
    }

    [SkippableFact]
    public async Task An_admin_unlocks_an_account_locked_by_wrong_passwords()
    {
        await dashboard.Host.CreateAccountAsync("lena", DashboardBrowser.Password, StaffRoles.Analyst);
        var accounts = dashboard.Host.Services.GetRequiredService<StaffAccounts>();
        for (var i = 0; i < 5; i++)
            await accounts.SignInAsync("lena", "wrong-password-" + i);
        Assert.Equal(SignInOutcome.LockedOut, (await accounts.SignInAsync("lena", DashboardBrowser.Password)).Outcome);

        var page = await OpenAccountsAsync();
        await Expect(Card(page, "lena")).ToContainTextAsync("Locked");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unlock lena" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("lena is unlocked and can sign in again.", new() { Timeout = 20_000 });
        await Expect(Card(page, "lena")).ToContainTextAsync("Active");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unlock lena" })).ToHaveCountAsync(0);

        var lenaPage = await dashboard.NewPageAsync();
        await dashboard.SignInAsync(lenaPage, "lena", DashboardBrowser.Password);
        var audit = await dashboard.Host.Storage.Audit.ListAsync("account:lena");
        Assert.Contains(audit, e => e.Action == "account.update" && e.Details!.Contains("\"unlocked\":true", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_admin_deletes_an_account_after_confirming_but_not_their_own()
    {
        await dashboard.Host.CreateAccountAsync("tom", DashboardBrowser.Password, StaffRoles.Volunteer);
        var page = await OpenAccountsAsync();
        var confirm = Card(page, "tom").GetByRole(AriaRole.Button, new() { Name = "Yes, delete tom" });
        await Expect(confirm).Not.ToBeVisibleAsync();
        await Card(page, "tom").GetByText("Delete this account…").ClickAsync();
        await Expect(Card(page, "tom")).ToContainTextAsync("tom will no longer be able to sign in.");
        await confirm.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The account tom is deleted.", new() { Timeout = 20_000 });
        await Expect(Card(page, "tom")).ToHaveCountAsync(0);
        Assert.Null(await dashboard.Host.Storage.Staff.GetAccountAsync("tom"));
        Assert.Equal("account.delete", (await dashboard.Host.Storage.Audit.ListAsync("account:tom"))[0].Action);

        var me = await MeAsync(page);
        await Card(page, me).GetByText("Delete this account…").ClickAsync();
        var response = await page.RunAndWaitForResponseAsync(
            () => Card(page, me).GetByRole(AriaRole.Button, new() { Name = $"Yes, delete {me}" }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("You cannot delete your own account");
        Assert.NotNull(await dashboard.Host.Storage.Staff.GetAccountAsync(me));
    }

    [SkippableFact]
    public async Task An_api_key_is_shown_once_works_against_the_api_and_stops_working_when_revoked()
    {
        var page = await OpenAccountsAsync();
        await page.Locator("#key-name").FillAsync("nightly export");
        await page.Locator("#key-role").SelectOptionAsync(StaffRoles.Analyst);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        var shown = page.Locator("#new-key");
        await Expect(shown).ToBeVisibleAsync(DashboardBrowser.Patiently);
        await Expect(page.GetByText("it will not be shown again")).ToBeVisibleAsync();
        var key = await shown.TextContentAsync();
        Assert.False(string.IsNullOrWhiteSpace(key));
        var row = page.Locator("#keys-table tbody tr", new() { HasText = "nightly export" });
        await Expect(row).ToContainTextAsync("analyst");
        Assert.Equal("apikey.create", (await dashboard.Host.Storage.Audit.ListAsync())[0].Action);

        using var client = dashboard.Host.WithApiKey(key!);
        using (var ok = await client.GetAsync("/api/admin/campaigns"))
            Assert.Equal(200, (int)ok.StatusCode);

        // Only that one answer showed the key.
        await page.GotoAsync(dashboard.Url("/admin/accounts"));
        await Expect(page.Locator("#new-key")).ToHaveCountAsync(0);
        Assert.DoesNotContain(key!, await page.ContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the key nightly export" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The API key nightly export is revoked; it no longer works.", new() { Timeout = 20_000 });
        await Expect(page.Locator("#keys-table tbody tr", new() { HasText = "nightly export" })).ToContainTextAsync("Revoked on");
        using (var refused = await client.GetAsync("/api/admin/campaigns"))
            Assert.Equal(401, (int)refused.StatusCode);
    }

    [SkippableFact]
    public async Task Bad_input_and_a_taken_user_name_are_refused_with_nothing_stored()
    {
        var page = await OpenAccountsAsync();
        var before = (await dashboard.Host.Storage.Staff.ListAccountsAsync()).Count;
        await page.Locator("#new-user-name").FillAsync("two words");
        await page.Locator("#new-password").FillAsync("short");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Nothing was saved");
        await Expect(alert).ToContainTextAsync("Choose a user name of 1 to 64 characters without spaces.");
        await Expect(alert).ToContainTextAsync("The password needs at least 10 characters.");
        await Expect(page.Locator("#new-user-name")).ToHaveValueAsync("two words");

        await page.Locator("#new-user-name").FillAsync(AdminTestHost.AdminUser);
        await page.Locator("#new-password").FillAsync(NewPassword);
        response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(409, response.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This user name is already taken");

        response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Name the key");

        Assert.Equal(before, (await dashboard.Host.Storage.Staff.ListAccountsAsync()).Count);
        Assert.Equal(StaffRoles.Admin, (await dashboard.Host.Storage.Staff.GetAccountAsync(AdminTestHost.AdminUser))!.Role);
        Assert.DoesNotContain(await dashboard.Host.Storage.Staff.ListApiKeysAsync(), k => k.CreatedBy != "test" && k.CreatedBy != "system");
    }

    [SkippableFact]
    public async Task An_analyst_gets_the_403_page_and_no_accounts_link()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst);
        await Expect(page.Locator("#accounts-link")).ToHaveCountAsync(0);
        var response = await page.GotoAsync(dashboard.Url("/admin/accounts"));
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Not for your role");
    }

    [SkippableFact]
    public async Task The_accounts_page_fits_a_phone_and_is_reached_from_the_header()
    {
        await dashboard.Host.CreateAccountAsync("a-rather-long-user-name-for-a-small-screen", DashboardBrowser.Password, StaffRoles.Approver);
        var page = await dashboard.SignInAsync(StaffRoles.Admin, DashboardBrowser.PhoneViewport, locale: "fr-FR");
        await page.Locator("#accounts-link").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Comptes", new() { Timeout = 20_000 });
        await Expect(page.Locator("#accounts-link")).ToHaveAttributeAsync("aria-current", "page");
        await DashboardBrowser.AssertNoSidewaysScrollAsync(page, "accounts page");
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-accounts-phone");
    }

    private async Task<IPage> OpenAccountsAsync()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Admin);
        await page.Locator("#accounts-link").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Accounts", new() { Timeout = 20_000 });
        return page;
    }

    private static ILocator Card(IPage page, string userName) => page.Locator($"li.card[data-user=\"{userName}\"]");

    /// <summary>The signed-in admin's user name, from the header ("admin3 (admin)").</summary>
    private static async Task<string> MeAsync(IPage page) =>
        (await page.Locator("header form.who span").TextContentAsync())!.Split(' ')[0];
}

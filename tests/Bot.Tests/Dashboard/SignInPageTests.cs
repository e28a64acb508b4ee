using CitizenData.Bot.Admin;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>Signing in and out of the dashboard in headless Chromium, with the admin API's accounts and roles.</summary>
public sealed class SignInPageTests : IAsyncLifetime
{
    private DashboardBrowser dashboard = null!;

    public async Task InitializeAsync() => dashboard = await DashboardBrowser.StartAsync();

    public async Task DisposeAsync() => await dashboard.DisposeAsync();

    [SkippableFact]
    public async Task An_analyst_signs_in_sees_the_campaigns_and_signs_out()
    {
        var page = await dashboard.NewPageAsync();
        await page.GotoAsync(dashboard.Url("/admin"));
        // Not signed in: the dashboard sends the browser to the sign-in page and remembers where it was going.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/signin\\?returnUrl=%2Fadmin$"));
        await dashboard.Host.CreateAccountAsync("amina", DashboardBrowser.Password, StaffRoles.Analyst);
        await dashboard.SignInAsync(page, "amina", DashboardBrowser.Password);

        await Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Expect(page.Locator("header form.who")).ToContainTextAsync("amina (analyst)");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Community Voices" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New campaign" })).ToHaveAttributeAsync("href", "/admin/campaigns/new");
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-start");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await page.GotoAsync(dashboard.Url("/admin"));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/signin"));
    }

    [SkippableFact]
    public async Task A_wrong_password_is_refused_with_a_clear_message()
    {
        await dashboard.Host.CreateAccountAsync("baraka", DashboardBrowser.Password, StaffRoles.Analyst);
        var page = await dashboard.NewPageAsync();
        await page.GotoAsync(dashboard.Url("/admin/signin"));
        await page.Locator("#userName").FillAsync("baraka");
        await page.Locator("#password").FillAsync("not the password");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator("main button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(401, response.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong user name or password.");
        await Expect(page.Locator("header form.who")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task The_dashboard_speaks_the_browser_language_and_switches_on_request()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst, locale: "sw-KE");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dashibodi");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sw");

        await page.Locator("#lang-picker").SelectOptionAsync("hi");
        await Expect(page.Locator("h1")).ToHaveTextAsync("डैशबोर्ड");
        // Remembered for the next page, whatever the browser says.
        await page.GotoAsync(dashboard.Url("/admin"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("डैशबोर्ड");
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-start-hindi");
    }

    [SkippableFact]
    public async Task A_phone_screen_shows_the_start_page_without_sideways_scrolling()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst, DashboardBrowser.PhoneViewport);
        await DashboardBrowser.AssertNoSidewaysScrollAsync(page, "start page");
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-start-phone");
    }
}

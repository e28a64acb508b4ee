using CitizenData.Bot.Admin;
using CitizenData.Feedback.Actions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>The "you said, we did" page: recording an action with the form and reading the log.</summary>
public sealed class ActionsPageTests : IAsyncLifetime
{
    private DashboardBrowser dashboard = null!;

    public async Task InitializeAsync() => dashboard = await DashboardBrowser.StartAsync();

    public async Task DisposeAsync() => await dashboard.DisposeAsync();

    [SkippableFact]
    public async Task An_analyst_records_an_action_in_two_languages_and_sees_it_in_the_log()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst);
        await page.GotoAsync(dashboard.Url("/admin/campaigns/community/actions"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Actions: you said, we did");
        await Expect(page.GetByText("No action recorded yet.")).ToBeVisibleAsync();

        await page.GetByLabel("Water and sanitation").CheckAsync();
        await page.GetByLabel("Health").CheckAsync();
        await page.Locator("#text-en").FillAsync("The county repaired the borehole in Kibera.");
        await page.Locator("#text-sw").FillAsync("Kaunti ilitengeneza kisima cha Kibera.");
        await page.GetByLabel("Who acted").FillAsync("County water office");
        await page.GetByLabel("Status").SelectOptionAsync("done");
        await page.GetByLabel("Date").FillAsync("2026-11-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record action" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The action is recorded.", new() { Timeout = 20_000 });
        var row = page.Locator("#actions-log tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("The county repaired the borehole in Kibera.");
        await Expect(row).ToContainTextAsync("Water and sanitation, Health");
        await Expect(row).ToContainTextAsync("County water office");
        await Expect(row).ToContainTextAsync("Done");
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-actions");

        var action = Assert.Single(await dashboard.Host.Storage.Actions.ListByCampaignAsync("community"));
        Assert.Equal(["water_sanitation", "health"], action.Themes);
        Assert.Equal("Kaunti ilitengeneza kisima cha Kibera.", action.Texts["sw"]);
        Assert.Equal(ActionStatus.Done, action.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), action.Date);
        var audit = await dashboard.Host.Storage.Audit.ListAsync("action:" + action.Id);
        Assert.Equal("action.record", Assert.Single(audit).Action);
    }

    [SkippableFact]
    public async Task An_incomplete_action_is_refused_field_by_field_and_nothing_is_stored()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst);
        await page.GotoAsync(dashboard.Url("/admin/campaigns/community/actions"));
        await page.Locator("#text-en").FillAsync("Something was done.");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Record action" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Choose at least one theme.");
        await Expect(alert).ToContainTextAsync("Name who acted");
        // What was typed stays in the form.
        await Expect(page.Locator("#text-en")).ToHaveValueAsync("Something was done.");
        Assert.Empty(await dashboard.Host.Storage.Actions.ListByCampaignAsync("community"));
    }

    [SkippableFact]
    public async Task The_actions_page_fits_a_phone_in_Kiswahili()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst, DashboardBrowser.PhoneViewport, locale: "sw-KE");
        await page.GotoAsync(dashboard.Url("/admin/campaigns/community/actions"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hatua: mlisema, tulifanya");
        await DashboardBrowser.AssertNoSidewaysScrollAsync(page, "actions page");
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-actions-phone");
    }

    [SkippableFact]
    public async Task An_approver_cannot_open_the_actions_page()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Approver);
        var response = await page.GotoAsync(dashboard.Url("/admin/campaigns/community/actions"));
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Not for your role");
    }
}

using CitizenData.Bot.Admin;
using CitizenData.Bot.Tests.Admin;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>The exports page hands over to the admin API's export: the same file, downloaded by the browser.</summary>
public sealed class ExportsPageTests : IAsyncLifetime
{
    private DashboardBrowser dashboard = null!;

    public async Task InitializeAsync()
    {
        dashboard = await DashboardBrowser.StartAsync();
        var storage = dashboard.Host.Storage;
        await AdminSeed.ParticipantAsync(storage, "p1", "Kibera");
        await AdminSeed.ParticipantAsync(storage, "p2", "Mathare");
        await AdminSeed.SubmissionAsync(storage, "s1", "p1", "No clean water this week", "water_sanitation", 0.9, minutes: 0);
        await AdminSeed.SubmissionAsync(storage, "s2", "p2", "The clinic has no medicine", "health", 0.8, minutes: 60 * 24 * 3);
        await AdminSeed.SubmissionAsync(storage, "s3", "p1", "Roads flood every time it rains", "infrastructure", 0.7, minutes: 60 * 24 * 10);
    }

    public async Task DisposeAsync() => await dashboard.DisposeAsync();

    [SkippableFact]
    public async Task An_analyst_downloads_the_internal_csv_for_a_period()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst);
        await page.GotoAsync(dashboard.Url("/admin/campaigns/community/exports"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Exports");
        await page.GetByLabel("Internal: one row per input").CheckAsync();
        await page.GetByLabel("CSV (spreadsheets)").CheckAsync();
        await page.Locator("#export-from").FillAsync("2026-03-01");
        await page.Locator("#export-to").FillAsync("2026-03-05");
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-exports");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download", Exact = true }).ClickAsync());
        Assert.Equal("community-submissions.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("submission_id,participant,received_at,channel", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        // s1 (1 March) and s2 (4 March) are in the period; s3 (11 March) is not.
        Assert.Equal(3, lines.Count);
        Assert.Contains(lines, l => l.Contains("No clean water this week", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Roads flood", StringComparison.Ordinal));
        var audit = await dashboard.Host.Storage.Audit.ListAsync("campaign:community");
        Assert.Contains(audit, e => e.Action == "campaign.export");
    }

    [SkippableFact]
    public async Task The_public_export_has_no_words_of_residents()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst);
        await page.GotoAsync(dashboard.Url("/admin/campaigns/community/exports"));
        await page.GetByLabel("Public: counts only").CheckAsync();
        await page.GetByLabel("JSON").CheckAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download", Exact = true }).ClickAsync());
        var json = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("\"suppressed\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("clean water", json, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_period_that_ends_before_it_starts_is_explained_and_nothing_is_downloaded()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst);
        await page.GotoAsync(dashboard.Url("/admin/campaigns/community/exports"));
        await page.Locator("#export-from").FillAsync("2026-03-05");
        await page.Locator("#export-to").FillAsync("2026-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Download", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The end date must be after the start date.", new() { Timeout = 20_000 });
        var audit = await dashboard.Host.Storage.Audit.ListAsync("campaign:community");
        Assert.DoesNotContain(audit, e => e.Action == "campaign.export");
    }
}

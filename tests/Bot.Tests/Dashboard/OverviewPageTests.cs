using System.Globalization;
using System.Text.RegularExpressions;
using CitizenData.Bot.Admin;
using CitizenData.Bot.Tests.Admin;
using CitizenData.Feedback.Submissions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>
/// The campaign overview in headless Chromium, over a seeded month and the month before: the figures it shows are the
/// seed's, the period picker changes what is counted, and only analysts may open it.
/// </summary>
public sealed partial class OverviewPageTests : IAsyncLifetime
{
    private const string OverviewPath = "/admin/campaigns/community";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private DashboardBrowser dashboard = null!;

    public async Task InitializeAsync()
    {
        dashboard = await DashboardBrowser.StartAsync();
        await SeedAsync();
    }

    public async Task DisposeAsync() => await dashboard.DisposeAsync();

    [SkippableFact]
    public async Task An_analyst_sees_the_last_30_days_as_seeded()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst);
        await page.GotoAsync(dashboard.Url(OverviewPath));

        await Expect(page.Locator("h1")).ToHaveTextAsync("Overview · Community Voices");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Last 30 days" })).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.Locator("#from")).ToHaveValueAsync(Iso(Today.AddDays(-29)));
        await ExpectFigureAsync(page, "inputs", "7");
        await ExpectFigureAsync(page, "participants", "6");
        await ExpectFigureAsync(page, "classified", "86%");
        await ExpectFigureAsync(page, "confirmed", "14%");
        // Waiting for review is the whole queue, including an input from the month before.
        await ExpectFigureAsync(page, "needs-review", "3");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open the review queue" })).ToHaveAttributeAsync("href", "/admin/campaigns/community/review");

        await ExpectRowAsync(page, "#theme-table", "Water and sanitation", "3", "50%", "1", "▲ 2 more");
        await ExpectRowAsync(page, "#theme-table", "Health", "2", "33%", "2", "no change");
        await ExpectRowAsync(page, "#theme-table", "Not sorted yet", "1", "17%", "—", "—");
        await Expect(page.Locator("#theme-table tbody th").First).ToHaveTextAsync("Water and sanitation"); // largest first
        await ExpectRowAsync(page, "#channel-table", "Telegram", "4");
        await ExpectRowAsync(page, "#channel-table", "Web chat", "3");
        await ExpectRowAsync(page, "#language-table", "English", "4");
        await ExpectRowAsync(page, "#language-table", "Kiswahili", "2");
        await ExpectRowAsync(page, "#language-table", "Français", "1");
        await Expect(page.Locator("#language-table th[lang=sw]")).ToHaveTextAsync("Kiswahili");

        // Over time: a day per row (30 days), the charts as labelled images.
        await Expect(page.Locator("#activity-table tbody tr")).ToHaveCountAsync(30);
        await page.GetByText("Numbers per day").ClickAsync();
        await ExpectRowAsync(page, "#activity-table", Day(Today.AddDays(-2)), "2", "1");
        await ExpectRowAsync(page, "#activity-table", Day(Today.AddDays(-10)), "2", "2");
        await Expect(page.Locator("svg#activity-chart[role=img] > title")).ToHaveTextAsync($"Inputs and participants per day, {Day(Today.AddDays(-29))} to {Day(Today)}");
        await Expect(page.Locator("svg#activity-chart rect")).ToHaveCountAsync(30);
        await Expect(page.Locator("svg#theme-chart[role=img] > title")).ToHaveTextAsync("Share of participants per theme");
        await Expect(page.Locator("svg#theme-chart")).ToContainTextAsync("50% (3) ▲ +2");
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-overview");
    }

    [SkippableFact]
    public async Task The_period_picker_changes_what_is_counted()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst);
        await page.GotoAsync(dashboard.Url(OverviewPath));

        await page.GetByRole(AriaRole.Link, new() { Name = "Last 7 days" }).ClickAsync();
        await ExpectFigureAsync(page, "inputs", "3");
        await ExpectFigureAsync(page, "participants", "2");
        await ExpectRowAsync(page, "#channel-table", "Telegram", "3");
        await Expect(page.Locator("#channel-table tbody tr")).ToHaveCountAsync(1);
        await ExpectRowAsync(page, "#theme-table", "Water and sanitation", "2", "100%", "1", "▲ 1 more");
        await Expect(page.Locator("#period-shown")).ToContainTextAsync($"Showing {Day(Today.AddDays(-6))} to {Day(Today)}.");

        // Dates of one's own, through the form: 12 to 10 days ago holds three web chat inputs.
        await page.Locator("#from").FillAsync(Iso(Today.AddDays(-12)));
        await page.Locator("#to").FillAsync(Iso(Today.AddDays(-10)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await ExpectFigureAsync(page, "inputs", "3");
        await ExpectRowAsync(page, "#channel-table", "Web chat", "3");
        await Expect(page.Locator("#activity-table tbody tr")).ToHaveCountAsync(3);

        // Another language shows the same period.
        await page.Locator("#lang-picker").SelectOptionAsync("fr");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await ExpectFigureAsync(page, "inputs", "3");
        await Expect(page.Locator("#from")).ToHaveValueAsync(Iso(Today.AddDays(-12)));
        await page.Locator("#lang-picker").SelectOptionAsync("en");

        await page.GetByRole(AriaRole.Link, new() { Name = "All time" }).ClickAsync();
        await ExpectFigureAsync(page, "inputs", "10");
        await Expect(page.Locator("#period-shown")).ToContainTextAsync("Showing all inputs since the campaign began.");
        await Expect(page.Locator("#theme-table th", new() { HasText = "Previous period" })).ToHaveCountAsync(0);

        // Dates in the wrong order, then a date that does not exist: a clear message, nothing counted.
        await page.Locator("#from").FillAsync(Iso(Today.AddDays(-3)));
        await page.Locator("#to").FillAsync(Iso(Today.AddDays(-5)));
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync(),
            r => r.Url.Contains("from=", StringComparison.Ordinal));
        Assert.Equal(400, response.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The start date must be on or before the end date.");
        await Expect(page.Locator("[data-figure]")).ToHaveCountAsync(0);

        var invalid = await page.GotoAsync(dashboard.Url(OverviewPath + "?from=2026-02-30&to=2026-03-02"));
        Assert.Equal(400, invalid!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Enter dates as year-month-day, for example 2026-03-31, between the years 2000 and 2099.");
        await Expect(page.Locator("#to")).ToHaveValueAsync("2026-03-02");
    }

    [SkippableFact]
    public async Task An_approver_gets_the_refusal_page_and_an_unknown_campaign_the_not_found_page()
    {
        var approver = await dashboard.SignInAsync(StaffRoles.Approver);
        var refused = await approver.GotoAsync(dashboard.Url(OverviewPath));
        Assert.Equal(403, refused!.Status);
        await Expect(approver.Locator("h1")).ToHaveTextAsync("Not for your role");
        await Expect(approver.Locator("[data-figure]")).ToHaveCountAsync(0);

        var analyst = await dashboard.SignInAsync(StaffRoles.Analyst);
        var missing = await analyst.GotoAsync(dashboard.Url("/admin/campaigns/no-such-campaign"));
        Assert.Equal(404, missing!.Status);
        await Expect(analyst.Locator("h1")).ToHaveTextAsync("Not found");
    }

    [SkippableFact]
    public async Task A_phone_screen_shows_the_overview_without_sideways_scrolling()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst, DashboardBrowser.PhoneViewport);
        await page.GotoAsync(dashboard.Url(OverviewPath));
        await ExpectFigureAsync(page, "inputs", "7");
        await page.GetByText("Numbers per day").ClickAsync();

        await DashboardBrowser.AssertNoSidewaysScrollAsync(page, "overview");
        var chartWidth = await page.Locator("svg#theme-chart").EvaluateAsync<double>("svg => svg.getBoundingClientRect().width");
        Assert.InRange(chartWidth, 250, 360);
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-overview-phone");
    }

    [SkippableFact]
    public async Task The_overview_speaks_kiswahili_with_the_campaigns_kiswahili_theme_names()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst, locale: "sw-KE");
        await page.GotoAsync(dashboard.Url(OverviewPath));

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sw");
        await Expect(page.Locator("h1")).ToContainTextAsync("Muhtasari");
        await Expect(page.Locator("h2")).ToHaveTextAsync(["Kipindi", "Kwa haraka", "Maoni na washiriki kwa muda", "Mada", "Njia", "Lugha"]);
        await Expect(page.Locator("[data-figure=needs-review] dt")).ToHaveTextAsync("Yanasubiri kukaguliwa");
        await ExpectRowAsync(page, "#theme-table", "Maji na usafi", "3", "50%", "1", "▲ 2 zaidi");
        await ExpectRowAsync(page, "#channel-table", "Gumzo la wavuti", "3");
        await Expect(page.Locator("#language-table th[lang=en]")).ToHaveTextAsync("English");
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-overview-swahili");
    }

    /// <summary>
    /// Six participants in the last 30 days and three inputs in the 30 days before, over two channels and three
    /// languages. Water: 3 participants now (p1, p2, p4), 1 before (p3). Health: 2 now (p3, p6), 2 before (p4, p6).
    /// </summary>
    private async Task SeedAsync()
    {
        var storage = dashboard.Host.Storage;
        foreach (var id in new[] { "p1", "p2", "p3", "p4", "p5", "p6" })
            await AdminSeed.ParticipantAsync(storage, id, "Kibera");
        (string Id, int DaysAgo, string Participant, string Channel, string Language, string? Theme, LabelSource Label, bool NeedsReview)[] inputs =
        [
            ("s1", 2, "p1", "telegram", "en", "water_sanitation", LabelSource.Model, false),
            ("s2", 2, "p1", "telegram", "en", "water_sanitation", LabelSource.Model, false),
            ("s3", 3, "p2", "telegram", "sw", "water_sanitation", LabelSource.Citizen, false),
            ("s4", 10, "p3", "directline", "sw", "health", LabelSource.Model, false),
            ("s5", 10, "p4", "directline", "en", "water_sanitation", LabelSource.Model, false),
            ("s6", 12, "p5", "directline", "fr", null, LabelSource.None, true),
            ("s7", 20, "p6", "telegram", "en", "health", LabelSource.Model, true),
            ("s8", 40, "p3", "telegram", "en", "water_sanitation", LabelSource.Model, false),
            ("s9", 45, "p4", "telegram", "en", "health", LabelSource.Model, false),
            ("s10", 45, "p6", "telegram", "en", "health", LabelSource.Model, true),
        ];
        foreach (var input in inputs)
            await storage.Submissions.SaveAsync(new Submission
            {
                Id = input.Id,
                ParticipantId = input.Participant,
                CampaignCode = "community",
                Channel = input.Channel,
                Source = SubmissionSource.Resident,
                Language = input.Language,
                Text = "Input " + input.Id,
                ReceivedAt = new DateTimeOffset(Today.AddDays(-input.DaysAgo).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
                ConsentVersion = "1",
                Theme = input.Theme,
                Confidence = input.Theme is null ? null : input.NeedsReview ? 0.3 : 0.9,
                LabelSource = input.Label,
                NeedsReview = input.NeedsReview,
                ModelVersion = input.Theme is null ? null : "model-1",
            });
    }

    private static Task ExpectFigureAsync(IPage page, string figure, string value) =>
        Expect(page.Locator($"[data-figure={figure}] dd.figure")).ToHaveTextAsync(value, new() { Timeout = 20_000 });

    /// <summary>The table row headed <paramref name="heading"/> shows exactly these cells.</summary>
    private static Task ExpectRowAsync(IPage page, string table, string heading, params string[] cells) =>
        Expect(page.Locator($"{table} tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextRegex = new Regex($"^{Regex.Escape(heading)}$") }) }).Locator("td"))
            .ToHaveTextAsync(cells);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en"));
}

using System.Net.Http.Json;
using System.Text.Json;
using CitizenData.Bot.Admin;
using CitizenData.Bot.Tests.Admin;
using CitizenData.Bot.Tests.WebChat;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>
/// Every dashboard page, checked in Chromium by axe-core (the accessibility rules engine, fetched from npm by the
/// build) against WCAG 2.1 A and AA: labels, names, contrast, headings, landmarks, ARIA, language attributes.
/// </summary>
public sealed class AccessibilityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private DashboardBrowser dashboard = null!;
    private string broadcastId = null!;

    public async Task InitializeAsync()
    {
        dashboard = await DashboardBrowser.StartAsync();
        var storage = dashboard.Host.Storage;
        for (var i = 0; i < 12; i++)
        {
            await AdminSeed.ParticipantAsync(storage, $"p{i}", i % 2 == 0 ? "Kibera" : "Mathare");
            await AdminSeed.SubmissionAsync(storage, $"s{i}", $"p{i}", $"The water point number {i} is broken", i % 3 == 0 ? null : "water_sanitation", 0.3, minutes: i * 90, needsReview: true);
        }
        using var analyst = await dashboard.Host.ClientForRoleAsync(StaffRoles.Analyst);
        using var draft = await analyst.PostAsJsonAsync("/api/admin/campaigns/community/broadcasts", new { message = "Thank you for taking part." });
        draft.EnsureSuccessStatusCode();
        broadcastId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await dashboard.DisposeAsync();

    public static TheoryData<string> Pages => new()
    {
        "/admin/signin",
        "/admin",
        "/admin/campaigns/community",
        "/admin/campaigns/community/review",
        "/admin/campaigns/community/review?mode=second",
        "/admin/campaigns/community/edit",
        "/admin/campaigns/new",
        "/admin/campaigns/community/broadcasts",
        "/admin/broadcasts/{broadcast}",
        "/admin/campaigns/community/actions",
        "/admin/campaigns/community/exports",
        "/admin/accounts",
        "/admin/campaigns/nowhere",
    };

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task A_page_has_no_WCAG_A_or_AA_violations_on_a_laptop_or_a_phone(string path)
    {
        var axe = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
        Assert.True(File.Exists(axe), $"{axe} is missing: the test project's build fetches it with npm pack.");
        var url = dashboard.Url(path.Replace("{broadcast}", broadcastId, StringComparison.Ordinal));
        foreach (var viewport in new[] { DashboardBrowser.LaptopViewport, DashboardBrowser.PhoneViewport })
        {
            // An admin sees every page with every button on it.
            var page = await dashboard.SignInAsync(StaffRoles.Admin, viewport);
            await page.GotoAsync(url);
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
            var violations = await page.EvaluateAsync<JsonElement>(
                """
                async () => {
                  const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                  return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + n.failureSummary) }));
                }
                """);
            foreach (var violation in violations.EnumerateArray())
                output.WriteLine($"{path} at {viewport.Width} px: {violation}");
            Assert.True(violations.GetArrayLength() == 0, $"{path} at {viewport.Width} px breaks WCAG rules: {violations}");
            await page.Context.CloseAsync();
        }
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using CitizenData.Bot.Admin;
using CitizenData.Bot.Channels.InProcess;
using CitizenData.Feedback.Broadcasts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>
/// The summary and broadcast composer, a broadcast's page and its approval, in headless Chromium over the real
/// server. Residents are on the in-process channel, which the outbox really delivers to, so a broadcast runs to its
/// delivery report.
/// </summary>
public sealed partial class BroadcastPagesTests : IAsyncLifetime
{
    private const string Message = "Thank you for taking part. Here is what you told us.";

    /// <summary>Kibera: 22 who agreed and can be reached, 2 who opted out, 1 who blocked the bot, 1 who never agreed.</summary>
    private const int KiberaRecipients = 22;

    private DashboardBrowser dashboard = null!;

    public async Task InitializeAsync() => dashboard = await DashboardBrowser.StartAsync();

    public async Task DisposeAsync() => await dashboard.DisposeAsync();

    [SkippableFact]
    public async Task An_analyst_drafts_from_the_public_summary_and_an_approver_follows_it_to_the_delivery_report()
    {
        await SeedAsync(dashboard.Host.Storage);
        var analyst = await dashboard.SignInAsync(StaffRoles.Analyst);
        await analyst.GotoAsync(dashboard.Url("/admin/campaigns/community/broadcasts"));

        // The public summary as residents will see it: water shown, education (3 people) hidden and marked as such.
        await Expect(analyst.Locator("h1")).ToContainTextAsync("Broadcasts");
        await Expect(analyst.Locator("#summary-themes tr[data-theme=water_sanitation] td").First).ToHaveTextAsync("33");
        var education = analyst.Locator("#summary-themes tr[data-theme=education] td").First;
        await Expect(education).ToHaveTextAsync("hidden (< 10)");
        await Expect(education).ToHaveClassAsync(new Regex("suppressed"));
        Assert.DoesNotContain("3", await analyst.Locator("#summary-themes tr[data-theme=education]").InnerTextAsync(), StringComparison.Ordinal);
        await Expect(analyst.Locator("#preview-message")).ToContainTextAsync("33 people sent 48 messages.");
        // The bot's *bold* reads as bold, as residents see it, not as asterisks.
        await Expect(analyst.Locator("#preview-message strong").First).ToBeVisibleAsync();
        Assert.DoesNotContain("*", await analyst.Locator("#preview-message").InnerTextAsync(), StringComparison.Ordinal);
        await Expect(analyst.Locator("#preview-chart")).ToBeVisibleAsync();
        Assert.True(await analyst.EvaluateAsync<bool>("() => document.getElementById('preview-chart').naturalWidth > 0"), "The preview chart did not load.");

        // Staff's words, one area, and the count of recipients it reaches.
        await analyst.Locator("#message-en").FillAsync(Message);
        await analyst.GetByRole(AriaRole.Checkbox, new() { Name = "Kibera" }).CheckAsync();
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Count recipients" }).ClickAsync();
        await Expect(analyst.Locator("#recipient-count")).ToContainTextAsync($"{KiberaRecipients} people would receive this broadcast.", new() { Timeout = 20_000 });
        await Expect(analyst.Locator("#recipient-count")).ToContainTextAsync("2 who opted out and 1 who cannot be reached");
        await Expect(analyst.Locator("#preview-message")).ToContainTextAsync(Message);

        // Another language keeps what was typed and ticked.
        await analyst.Locator("button.tab[value=sw]").ClickAsync();
        await Expect(analyst.Locator(".preview-body")).ToHaveAttributeAsync("lang", "sw", new() { Timeout = 20_000 });
        await Expect(analyst.Locator("button.tab[value=sw]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(analyst.Locator("#message-en")).ToHaveValueAsync(Message);
        await Expect(analyst.GetByRole(AriaRole.Checkbox, new() { Name = "Kibera" })).ToBeCheckedAsync();
        await Expect(analyst.Locator("#recipient-count")).ToContainTextAsync($"{KiberaRecipients} people would receive this broadcast.");
        await DashboardBrowser.ScreenshotAsync(analyst, "dashboard-broadcast-composer");

        // Save draft: the broadcast's page, with the preview and no approve button for an analyst.
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(analyst).ToHaveURLAsync(new Regex("/admin/broadcasts/b_[0-9a-f]{32}$"), new() { Timeout = 20_000 });
        var id = analyst.Url[(analyst.Url.LastIndexOf('/') + 1)..];
        var draft = (await dashboard.Host.Storage.Broadcasts.GetAsync(id))!;
        Assert.Equal(BroadcastStatus.Draft, draft.Status);
        Assert.Equal(["Kibera"], draft.Audience.Locations);
        Assert.Equal(Message, draft.Messages["en"]);
        await Expect(analyst.Locator("#phase")).ToHaveTextAsync("Draft, waiting for approval");
        await Expect(analyst.Locator("details[data-language=en] pre.message")).ToContainTextAsync(Message);
        await Expect(analyst.Locator("details[data-language=en] img.chart")).ToHaveAttributeAsync("alt", new Regex("Chart sent with the message in English"));
        await Expect(analyst.Locator("#audience")).ToContainTextAsync("Kibera");
        await Expect(analyst.Locator("#awaiting-approval")).ToBeVisibleAsync();
        await Expect(analyst.GetByRole(AriaRole.Button, new() { Name = "Approve and send" })).ToHaveCountAsync(0);
        await Expect(analyst.Locator("form[action$='/approve']")).ToHaveCountAsync(0);
        await DashboardBrowser.ScreenshotAsync(analyst, "dashboard-broadcast-draft");

        // The approver approves and follows the delivery on the page until the report is final.
        var approver = await dashboard.SignInAsync(StaffRoles.Approver);
        await approver.GotoAsync(dashboard.Url("/admin/campaigns/community/broadcasts"));
        await Expect(approver.Locator("#composer-heading")).ToHaveCountAsync(0);
        await approver.Locator($"a[href='/admin/broadcasts/{id}']").ClickAsync();
        await Expect(approver.Locator("#phase")).ToHaveTextAsync("Draft, waiting for approval", new() { Timeout = 20_000 });
        await approver.GetByRole(AriaRole.Button, new() { Name = "Approve and send" }).ClickAsync();
        await Expect(approver.Locator("#delivery")).ToBeVisibleAsync(DashboardBrowser.Patiently);
        await Expect(approver.Locator("#approved-by")).ToContainTextAsync("approver");
        await DashboardBrowser.ScreenshotAsync(approver, "dashboard-broadcast-progress");
        await Expect(approver.Locator("#report-summary")).ToHaveTextAsync($"Finished: {KiberaRecipients} of {KiberaRecipients} messages delivered.", new() { Timeout = 60_000 });
        await Expect(approver.Locator("#phase")).ToHaveTextAsync("Finished");
        await Expect(approver.Locator("[data-count=sent]")).ToHaveTextAsync($"{KiberaRecipients}");
        await Expect(approver.Locator("[data-count=queued]")).ToHaveTextAsync("0");
        await Expect(approver.Locator("[data-count=failed]")).ToHaveTextAsync("0");
        await Expect(approver.Locator("[data-count=unreachable]")).ToHaveTextAsync("1");
        await Expect(approver.Locator("[data-count=optedOut]")).ToHaveTextAsync("2");
        await DashboardBrowser.ScreenshotAsync(approver, "dashboard-broadcast-report");

        // What the page says is what storage and the channel say: each Kibera resident who can be reached got it once.
        Assert.Equal(new BroadcastCounts(0, KiberaRecipients, 0, 1, 2), await dashboard.Host.Storage.Broadcasts.CountAsync(id));
        var channel = dashboard.Host.Services.GetRequiredService<InProcessChannel>();
        foreach (var resident in Residents)
        {
            var got = channel.TakeReplies("chat-" + resident.Id).Count(a => a.Text?.Contains(Message, StringComparison.Ordinal) == true);
            Assert.True(got == (resident.Receives ? 1 : 0), $"{resident.Id} got the broadcast {got} times.");
        }
        var audit = await dashboard.Host.Storage.Audit.ListAsync("broadcast:" + id);
        Assert.Contains(audit, e => e.Action == "broadcast.draft" && e.Actor.StartsWith(StaffRoles.Analyst, StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "broadcast.approve" && e.Actor.StartsWith(StaffRoles.Approver, StringComparison.Ordinal));

        // Approving again is refused: it is not a draft any more.
        var token = await approver.Locator("header form.who input[name=__RequestVerificationToken]").GetAttributeAsync("value");
        var again = await approver.APIRequest.PostAsync(dashboard.Url($"/admin/broadcasts/{id}/approve"), new()
        {
            Form = approver.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!),
            MaxRedirects = 0,
        });
        Assert.Equal(409, again.Status);
        Assert.Contains("is not a draft any more", await again.TextAsync(), StringComparison.Ordinal);

        var progress = await approver.APIRequest.GetAsync(dashboard.Url($"/admin/broadcasts/{id}?handler=Progress"));
        var json = JsonDocument.Parse(await progress.TextAsync()).RootElement;
        Assert.Equal((true, KiberaRecipients, 0), (json.GetProperty("finished").GetBoolean(), json.GetProperty("sent").GetInt32(), json.GetProperty("queued").GetInt32()));

        // The list shows it too.
        await approver.GotoAsync(dashboard.Url("/admin/campaigns/community/broadcasts"));
        await Expect(approver.Locator("table.broadcast-list tbody tr").First).ToContainTextAsync("Finished");
    }

    [SkippableFact]
    public async Task An_analysts_post_to_the_approve_address_is_refused_and_the_broadcast_stays_a_draft()
    {
        var analyst = await dashboard.SignInAsync(StaffRoles.Analyst);
        await analyst.GotoAsync(dashboard.Url("/admin/campaigns/community/broadcasts"));
        await analyst.Locator("#message-en").FillAsync(Message);
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(analyst).ToHaveURLAsync(new Regex("/admin/broadcasts/b_"), new() { Timeout = 20_000 });
        var id = analyst.Url[(analyst.Url.LastIndexOf('/') + 1)..];

        // A valid antiforgery token from the analyst's own session: only the role stands in the way.
        await analyst.GotoAsync(dashboard.Url("/admin/campaigns/community/broadcasts"));
        var token = await analyst.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        Assert.False(string.IsNullOrEmpty(token));
        var response = await analyst.APIRequest.PostAsync(dashboard.Url($"/admin/broadcasts/{id}/approve"), new()
        {
            Form = analyst.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!),
            MaxRedirects = 0,
        });

        Assert.Equal(403, response.Status);
        Assert.Contains("Not for your role", await response.TextAsync(), StringComparison.Ordinal);
        var stored = (await dashboard.Host.Storage.Broadcasts.GetAsync(id))!;
        Assert.Equal((BroadcastStatus.Draft, null), (stored.Status, stored.ApprovedBy));
        Assert.Equal(new BroadcastCounts(0, 0, 0, 0, 0), await dashboard.Host.Storage.Broadcasts.CountAsync(id));
    }

    [SkippableFact]
    public async Task An_empty_broadcast_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        var analyst = await dashboard.SignInAsync(StaffRoles.Analyst, locale: "fr-FR");
        await analyst.GotoAsync(dashboard.Url("/admin/campaigns/community/broadcasts"));
        await analyst.GetByRole(AriaRole.Checkbox, new() { Name = "Le résumé (ce que les gens ont soulevé)" }).UncheckAsync();
        await analyst.GetByRole(AriaRole.Checkbox, new() { Name = "Ce qui est fait (actions)" }).UncheckAsync();
        var response = await analyst.RunAndWaitForResponseAsync(
            () => analyst.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        await Expect(analyst.GetByRole(AriaRole.Alert)).ToContainTextAsync("la diffusion serait vide. Rien n'a été enregistré.");
        await Expect(analyst.GetByRole(AriaRole.Checkbox, new() { Name = "Le résumé (ce que les gens ont soulevé)" })).Not.ToBeCheckedAsync();
        Assert.Empty(await dashboard.Host.Storage.Broadcasts.ListByCampaignAsync("community"));
    }

    [SkippableFact]
    public async Task A_volunteer_may_open_neither_the_composer_nor_a_broadcast()
    {
        var id = (await dashboard.Host.Storage.Broadcasts.SaveAsync(new Broadcast { Id = Broadcast.NewId(), CampaignCode = "community", CreatedBy = "someone" })).Id;
        var volunteer = await dashboard.SignInAsync(StaffRoles.Volunteer);

        var composer = await volunteer.GotoAsync(dashboard.Url("/admin/campaigns/community/broadcasts"));
        Assert.Equal(403, composer!.Status);
        await Expect(volunteer.Locator("h1")).ToHaveTextAsync("Not for your role");
        var broadcast = await volunteer.GotoAsync(dashboard.Url($"/admin/broadcasts/{id}"));
        Assert.Equal(403, broadcast!.Status);
    }

    [SkippableFact]
    public async Task A_phone_shows_the_composer_and_a_broadcast_without_sideways_scrolling()
    {
        await SeedAsync(dashboard.Host.Storage);
        var analyst = await dashboard.SignInAsync(StaffRoles.Analyst, DashboardBrowser.PhoneViewport);
        await analyst.GotoAsync(dashboard.Url("/admin/campaigns/community/broadcasts"));
        await Expect(analyst.Locator("#summary-themes")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(analyst, "composer");
        await DashboardBrowser.ScreenshotAsync(analyst, "dashboard-broadcast-composer-phone");

        await analyst.Locator("#message-en").FillAsync(Message);
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(analyst).ToHaveURLAsync(new Regex("/admin/broadcasts/b_"), new() { Timeout = 20_000 });
        await Expect(analyst.Locator("details[data-language=en] pre.message")).ToContainTextAsync(Message);
        await AssertNoSidewaysScrollAsync(analyst, "broadcast");
        await DashboardBrowser.ScreenshotAsync(analyst, "dashboard-broadcast-phone");
    }

    private static Task AssertNoSidewaysScrollAsync(IPage page, string what) => DashboardBrowser.AssertNoSidewaysScrollAsync(page, what + " page");
}

using System.Text.RegularExpressions;
using CitizenData.Bot.Admin;
using CitizenData.Feedback.Campaigns;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>The campaign editor in headless Chromium: texts with the bot's preview, profile questions, themes, thresholds.</summary>
public sealed partial class CampaignEditorPageTests : IAsyncLifetime
{
    private const string EditCommunity = "/admin/campaigns/community/edit";
    private const string NewQuestion = "Ni huduma gani ya maji inayokosekana mtaani kwako?";

    private DashboardBrowser dashboard = null!;

    public async Task InitializeAsync() => dashboard = await DashboardBrowser.StartAsync();

    public async Task DisposeAsync() => await dashboard.DisposeAsync();

    [SkippableFact]
    public async Task An_analyst_changes_the_Kiswahili_question_sees_it_in_the_bots_words_and_saves_it_with_an_audit_record()
    {
        await dashboard.Host.CreateAccountAsync("wanjiku", DashboardBrowser.Password, StaffRoles.Analyst);
        var page = await dashboard.NewPageAsync();
        await dashboard.SignInAsync(page, "wanjiku", DashboardBrowser.Password);
        await page.GotoAsync(dashboard.Url(EditCommunity));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Campaign community");
        var questionBubble = page.Locator("#preview-sw .bubble").Nth(1);
        await Expect(questionBubble).ToContainTextAsync("Ni tatizo gani kubwa zaidi");

        // While typing, the preview follows (the page's small script asks the server for the bot's message).
        await page.Locator("#question-sw").FillAsync(NewQuestion);
        await Expect(questionBubble.Locator("strong")).ToHaveTextAsync(NewQuestion, new() { Timeout = 20_000 });
        // And the Preview button renders it on the server, without saving.
        await page.Locator("#reviewThreshold").FillAsync("0.65");
        await page.Locator(".editor-actions").GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByText("Preview updated. Nothing is saved until you press Save.")).ToBeVisibleAsync(DashboardBrowser.Patiently);
        await Expect(page.Locator("#preview-sw .bubbles")).ToHaveAttributeAsync("lang", "sw");
        // The bot's own words around the question, as the conversation sends them (question.intro, then the question in bold).
        await Expect(questionBubble).ToHaveTextAsync($"Sasa niambie kwa maneno yako mwenyewe:\n{NewQuestion}");
        await Expect(questionBubble.Locator("strong")).ToHaveTextAsync(NewQuestion);
        await Expect(page.Locator("#preview-sw .bubble").First).ToContainTextAsync("Habari! Hii ni Sauti za Jamii.");
        await Expect(page.Locator("#preview-sw .chat-buttons li").First).ToHaveTextAsync("Nakubali");
        await Expect(page.Locator("#reviewThreshold")).ToHaveValueAsync("0.65");
        Assert.Equal(1, (await dashboard.Host.Storage.Campaigns.GetAsync("community"))!.Version);
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-campaign-editor");

        await page.Locator(".editor-actions").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved (version 2).", new() { Timeout = 20_000 });
        await Expect(page.Locator("#question-sw")).ToHaveValueAsync(NewQuestion);

        var stored = (await dashboard.Host.Storage.Campaigns.GetAsync("community"))!;
        Assert.Equal((NewQuestion, 0.65, 2L), (stored.Questions["sw"], stored.ReviewThreshold, stored.Version));
        // Everything else as it was.
        Assert.Equal(13, stored.Taxonomy.Themes.Count);
        Assert.Equal(["location", "gender", "age_band", "disability"], stored.ProfileQuestions.Select(q => q.Key));
        Assert.Equal(["en", "es", "fr", "hi", "ne", "sw"], stored.Languages);
        Assert.Equal(6, stored.ProfileQuestions[2].Choices.Count);
        var audit = Assert.Single(await dashboard.Host.Storage.Audit.ListAsync("campaign:community"));
        Assert.Equal(("wanjiku", "campaign.update"), (audit.Actor, audit.Action));
        Assert.Contains("\"reviewThreshold\":0.65", audit.Details, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_analyst_creates_a_campaign_with_a_factor_of_marginalisation_and_a_seed_example()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst);
        await page.GotoAsync(dashboard.Url("/admin/campaigns/new"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("New campaign");
        await Expect(page.Locator("#status")).ToHaveValueAsync("draft");

        await page.Locator("#code").FillAsync("kibera-water");
        await page.Locator("#organisation").FillAsync("Kibera Water Forum");
        // Offering Kiswahili shows its texts at once.
        await Expect(page.Locator("#title-sw")).ToBeHiddenAsync();
        await page.Locator("#language-sw").CheckAsync();
        await Expect(page.Locator("#title-sw")).ToBeVisibleAsync();
        await page.Locator("#title-en").FillAsync("Water in Kibera");
        await page.Locator("#question-en").FillAsync("What should change about water?");
        await page.Locator("#title-sw").FillAsync("Maji Kibera");
        await page.Locator("#question-sw").FillAsync("Nini kibadilike kuhusu maji?");
        await Expect(page.Locator("#preview-sw .bubble").First).ToContainTextAsync("Hii ni Maji Kibera.", new() { Timeout = 20_000 });
        await Expect(page.Locator("#preview-sw .bubble").First).ToContainTextAsync("Nani: Kibera Water Forum inakusanya");

        var question = page.Locator("details#profile-0");
        await question.Locator("summary").ClickAsync();
        await question.GetByLabel("Key").FillAsync("tribe");
        await question.GetByLabel("Factor of marginalisation").CheckAsync();
        await page.Locator("#profile-0-prompt-en").FillAsync("Which community do you belong to?");
        await page.Locator("#profile-0-prompt-sw").FillAsync("Wewe ni wa jamii gani?");
        await page.Locator("#profile-0-purpose-en").FillAsync("To see if some communities are left out.");
        await page.Locator("#profile-0-purpose-sw").FillAsync("Kuona kama jamii fulani zimeachwa.");
        var water = page.Locator("details#theme-0");
        await water.Locator("summary").ClickAsync();
        await water.GetByLabel("Seed examples").FillAsync("the borehole is broken\nno water at the kiosk since Monday");

        await page.Locator(".editor-actions").GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/campaigns/kibera-water/edit\\?saved=true$"), new() { Timeout = 20_000 });
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved (version 1).");
        await Expect(page.Locator("nav.campaign .campaign-code")).ToHaveTextAsync("kibera-water");

        var stored = (await dashboard.Host.Storage.Campaigns.GetAsync("kibera-water"))!;
        Assert.Equal((CampaignStatus.Draft, "Kibera Water Forum", 10), (stored.Status, stored.Organisation, stored.PrivacyThreshold));
        Assert.Equal(["en", "sw"], stored.Languages);
        Assert.Equal("Nini kibadilike kuhusu maji?", stored.Questions["sw"]);
        var tribe = Assert.Single(stored.ProfileQuestions);
        Assert.True(tribe.IsMarginalisationFactor);
        Assert.Equal("Kuona kama jamii fulani zimeachwa.", tribe.Purposes["sw"]);
        Assert.Empty(tribe.Choices);
        Assert.Equal(["the borehole is broken", "no water at the kiosk since Monday"], stored.Taxonomy.Find("water_sanitation")!.SeedExamples);
        Assert.Contains("other", stored.Taxonomy.Keys);
        Assert.Equal("campaign.create", Assert.Single(await dashboard.Host.Storage.Audit.ListAsync("campaign:kibera-water")).Action);
    }

    [SkippableFact]
    public async Task Invalid_values_are_shown_beside_their_fields_and_nothing_is_stored()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst);
        await page.GotoAsync(dashboard.Url(EditCommunity));
        await page.Locator("#privacyThreshold").FillAsync("1");
        var water = page.Locator("details#theme-0");
        await water.Locator("summary").ClickAsync();
        await water.GetByLabel("Key").FillAsync("water and sanitation");
        var other = page.Locator("details.row-card", new() { Has = page.Locator("summary code", new() { HasTextRegex = OtherKey() }) });
        await other.Locator("summary").ClickAsync();
        await other.GetByLabel("Remove this theme").CheckAsync();

        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator(".editor-actions").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("handler=Save", StringComparison.Ordinal));

        Assert.Equal(400, response.Status);
        var summary = page.Locator(".error-summary");
        await Expect(summary.Locator("h2")).ToHaveTextAsync("Nothing was saved. Please correct 3 field(s):");
        await Expect(summary.Locator("li")).ToHaveTextAsync(
        [
            "Themes: Keep at least two themes, including “other”.",
            "Theme 1, key: Use lower-case letters, digits and _, starting with a letter, and each key only once.",
            "Privacy threshold (k): A whole number, at least 3.",
        ]);
        // Each message right beside its field, tied to it for screen readers, and what was typed is still there.
        await Expect(page.Locator("#privacyThreshold + .note + .field-error")).ToHaveTextAsync("A whole number, at least 3.");
        await Expect(page.Locator("#privacyThreshold")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#privacyThreshold")).ToHaveAttributeAsync("aria-describedby", "privacy-help privacyThreshold-error");
        await Expect(page.Locator("#privacyThreshold")).ToHaveValueAsync("1");
        await Expect(page.Locator("#theme-0-key-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#theme-0-key")).ToHaveValueAsync("water and sanitation");
        await Expect(page.Locator("#taxonomy > .field-error")).ToHaveTextAsync("Keep at least two themes, including “other”.");
        await Expect(other.GetByLabel("Remove this theme")).ToBeCheckedAsync();
        await Expect(other.Locator("summary")).ToContainTextAsync("will be removed");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Privacy threshold (k): A whole number, at least 3." }).ClickAsync();
        await Expect(page.Locator("#privacyThreshold")).ToBeFocusedAsync();
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-campaign-editor-errors");

        var stored = (await dashboard.Host.Storage.Campaigns.GetAsync("community"))!;
        Assert.Equal((1L, 10), (stored.Version, stored.PrivacyThreshold));
        Assert.Contains("water_sanitation", stored.Taxonomy.Keys);
        Assert.Contains("other", stored.Taxonomy.Keys);
        Assert.Empty(await dashboard.Host.Storage.Audit.ListAsync("campaign:community"));
    }

    [SkippableFact]
    public async Task A_save_over_someone_elses_change_says_so_and_keeps_what_was_typed()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst);
        await page.GotoAsync(dashboard.Url(EditCommunity));
        await page.Locator("#title-en").FillAsync("Voices of Kibera");
        // Meanwhile a colleague saves the campaign.
        var campaigns = dashboard.Host.Storage.Campaigns;
        await campaigns.SaveAsync((await campaigns.GetAsync("community"))! with { PrivacyThreshold = 12 });

        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator(".editor-actions").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("handler=Save", StringComparison.Ordinal));

        Assert.Equal(409, response.Status);
        var alert = page.Locator(".notice-conflict");
        await Expect(alert.Locator("h2")).ToHaveTextAsync("Someone else saved this campaign meanwhile");
        await Expect(alert).ToContainTextAsync("your changes are still in the form below");
        await Expect(page.Locator("#title-en")).ToHaveValueAsync("Voices of Kibera");
        var stored = (await campaigns.GetAsync("community"))!;
        Assert.Equal(("Community Voices", 12, 2L), (stored.Titles["en"], stored.PrivacyThreshold, stored.Version));

        // Saving again, as the message says, replaces the other version.
        await page.Locator(".editor-actions").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved (version 3).", new() { Timeout = 20_000 });
        Assert.Equal("Voices of Kibera", (await campaigns.GetAsync("community"))!.Titles["en"]);
    }

    [SkippableFact]
    public async Task An_approver_gets_the_403_page_for_the_editor()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Approver);
        foreach (var path in new[] { EditCommunity, "/admin/campaigns/new" })
        {
            var response = await page.GotoAsync(dashboard.Url(path));
            Assert.Equal(403, response!.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Not for your role");
            await Expect(page.Locator("form.campaign-editor")).ToHaveCountAsync(0);
        }

        // Nor can the session send the form: refused before anything is read.
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("Form.PrivacyThreshold", "5");
        var save = await page.Context.APIRequest.PostAsync(dashboard.Url(EditCommunity + "?handler=Save"), new() { Form = form });
        Assert.Equal(403, save.Status);
        var stored = (await dashboard.Host.Storage.Campaigns.GetAsync("community"))!;
        Assert.Equal((1L, 10), (stored.Version, stored.PrivacyThreshold));
    }

    [SkippableFact]
    public async Task The_editor_fits_a_phone_screen()
    {
        var page = await dashboard.SignInAsync(StaffRoles.Analyst, DashboardBrowser.PhoneViewport, locale: "hi-IN");
        await page.GotoAsync(dashboard.Url(EditCommunity));
        await Expect(page.Locator("h1")).ToHaveTextAsync("अभियान community");
        await page.Locator("details#profile-2 summary").ClickAsync();
        await page.Locator("details#theme-0 summary").ClickAsync();
        await Expect(page.Locator("#profile-2-choice-0-label-hi")).ToBeVisibleAsync();
        await Expect(page.Locator("#preview-hi .bubble").Nth(1)).ToContainTextAsync("अब अपने शब्दों में बताइए");

        await DashboardBrowser.AssertNoSidewaysScrollAsync(page, "campaign editor");
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-campaign-editor-phone");
    }

    [GeneratedRegex("^other$")]
    private static partial Regex OtherKey();
}

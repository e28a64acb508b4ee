using System.Text.RegularExpressions;
using CitizenData.Bot.Admin;
using CitizenData.Bot.Tests.Admin;
using CitizenData.Feedback.Submissions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>
/// The review queue in headless Chromium: one input at a time, labelled with the keyboard (the default taxonomy's keys
/// are 1 water, 2 health, 3 education, 4 food, 5 livelihoods, 6 infrastructure, 7 shelter, 8 safety, 9 governance,
/// 0 environment, A inclusion, B aid, C other; S skips).
/// </summary>
public sealed class ReviewPageTests : IAsyncLifetime
{
    private const string ReviewPath = "/admin/campaigns/community/review";

    /// <summary>What the next page shows, after a server round trip on a shared machine.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 20_000 };

    private DashboardBrowser dashboard = null!;

    public async Task InitializeAsync()
    {
        dashboard = await DashboardBrowser.StartAsync();
        await AdminSeed.ParticipantAsync(dashboard.Host.Storage, "p1", "Kibera");
    }

    public async Task DisposeAsync() => await dashboard.DisposeAsync();

    [SkippableFact]
    public async Task An_analyst_labels_three_inputs_with_the_keyboard_and_each_label_is_stored_and_audited()
    {
        // Least confident first: a, b, c, d.
        await SubmissionAsync("s_a", "The borehole pump has been broken for a month", 0.21, ("water_sanitation", 0.21), ("health", 0.18), ("infrastructure", 0.12));
        await SubmissionAsync("s_b", "Nurses at the dispensary ask for money", 0.25, ("governance", 0.25), ("health", 0.24), ("other", 0.1));
        await SubmissionAsync("s_c", "Our children walk two hours to school", 0.3, ("infrastructure", 0.3), ("education", 0.29), ("safety", 0.2));
        await SubmissionAsync("s_d", "Women with disabilities cannot reach the market", 0.35, ("livelihoods", 0.35), ("inclusion", 0.3), ("food_security", 0.1));
        await AdminSeed.SubmissionAsync(dashboard.Host.Storage, "s_sure", "p1", "The clinic has no medicine", "health", 0.97, 9);
        var page = await dashboard.SignInAsync(StaffRoles.Analyst);

        await page.GotoAsync(dashboard.Url(ReviewPath));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Review queue");
        await Expect(page.Locator("#item-text")).ToHaveTextAsync("The borehole pump has been broken for a month");
        await Expect(page.Locator("#item-text")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#review-remaining")).ToHaveTextAsync("Left in the queue: 4");
        // The model's top three, with probabilities, most likely first.
        await Expect(page.Locator("#model-guesses li")).ToHaveTextAsync([new Regex(@"Water and sanitation\s*21%"), new Regex(@"Health\s*18%"), new Regex(@"Roads, transport, power and internet\s*12%")]);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Health", Exact = true })).ToHaveAttributeAsync("aria-keyshortcuts", "2");
        await Expect(page.Locator("button[name=theme]")).ToHaveCountAsync(13);
        await Expect(page.Locator("button[name=theme] kbd")).ToHaveTextAsync(["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "A", "B", "C"]);
        await Expect(page.Locator(".facts")).ToContainTextAsync("Participant (pseudonym)");
        await Expect(page.Locator(".facts code")).ToHaveTextAsync(new Regex("^r_"));
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-review");

        await LabelWithKeyAsync(page, "2");
        await Expect(page.Locator("#review-confirmation")).ToHaveTextAsync("Labelled as Health.", Patiently);
        await Expect(page.Locator("#item-text")).ToHaveTextAsync("Nurses at the dispensary ask for money");
        await Expect(page.Locator("#review-remaining")).ToHaveTextAsync("Left in the queue: 3");
        // The keyboard starts at the next input, not at the top of the page.
        Assert.Equal("item-heading", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        await LabelWithKeyAsync(page, "9");
        await Expect(page.Locator("#review-confirmation")).ToHaveTextAsync("Labelled as Public services and accountability.", Patiently);
        await Expect(page.Locator("#item-text")).ToHaveTextAsync("Our children walk two hours to school");
        await Expect(page.Locator("#review-remaining")).ToHaveTextAsync("Left in the queue: 2");

        await LabelWithKeyAsync(page, "3");
        await Expect(page.Locator("#review-confirmation")).ToHaveTextAsync("Labelled as Education.", Patiently);
        await Expect(page.Locator("#item-text")).ToHaveTextAsync("Women with disabilities cannot reach the market");
        await Expect(page.Locator("#review-remaining")).ToHaveTextAsync("Left in the queue: 1");
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-review-labelled");

        foreach (var (id, theme) in new[] { ("s_a", "health"), ("s_b", "governance"), ("s_c", "education") })
        {
            var stored = await dashboard.Host.Storage.Submissions.GetAsync(id);
            Assert.Equal((theme, LabelSource.Reviewer, false), (stored!.Theme, stored.LabelSource, stored.NeedsReview));
            var entry = Assert.Single(await dashboard.Host.Storage.Audit.ListAsync("submission:" + id));
            Assert.Equal(("submission.label", "analyst1"), (entry.Action, entry.Actor));
            Assert.Contains($"\"theme\":\"{theme}\"", entry.Details, StringComparison.Ordinal);
        }
        var untouched = await dashboard.Host.Storage.Submissions.GetAsync("s_d");
        Assert.Equal(("livelihoods", LabelSource.Model, true), (untouched!.Theme, untouched.LabelSource, untouched.NeedsReview));
    }

    [SkippableFact]
    public async Task On_a_phone_inputs_are_skipped_the_residents_own_changes_shown_and_a_second_review_updates_the_agreement()
    {
        var edited = await SubmissionAsync("s_edited", "The clinic is closed on Sundays and Mondays", 0.2, ("health", 0.2), ("governance", 0.15), ("other", 0.1));
        await dashboard.Host.Storage.Submissions.SaveAsync(edited with { History = [new TextRevision("The clinic is closed on Sundays", AdminSeed.Start.AddMinutes(5))] });
        // A resident's own correction of the model's theme.
        var corrected = await SubmissionAsync("s_corrected", "Teachers are not paid so schools close", 0.3, ("livelihoods", 0.3), ("education", 0.28), ("governance", 0.2));
        await dashboard.Host.Storage.Submissions.SaveAsync(corrected with { Theme = "education", LabelSource = LabelSource.Citizen });
        // Two items the resident labelled that fall in the stable 5 % second-review sample.
        var sampled = new List<string>();
        for (var i = 0; sampled.Count < 2; i++)
        {
            var id = $"s_{i:D4}";
            if (!ReviewSample.Contains(id))
                continue;
            var theme = sampled.Count == 0 ? "health" : "education";
            var labelled = await SubmissionAsync(id, $"Second review input {sampled.Count + 1}", 0.9, (theme, 0.9), ("other", 0.05), ("aid", 0.02));
            await dashboard.Host.Storage.Submissions.SaveAsync(labelled with { LabelSource = LabelSource.Citizen, NeedsReview = false });
            sampled.Add(id);
        }
        var page = await dashboard.SignInAsync(StaffRoles.Analyst, DashboardBrowser.PhoneViewport);

        await page.GotoAsync(dashboard.Url(ReviewPath));
        await Expect(page.Locator("#item-text")).ToHaveTextAsync("The clinic is closed on Sundays and Mondays");
        await Expect(page.Locator(".history")).ToContainTextAsync("The resident edited this message. Earlier versions (1):");
        await Expect(page.Locator(".history s")).ToHaveTextAsync("The clinic is closed on Sundays");
        await Expect(page.Locator(".review-agreement")).ToContainTextAsync("No second reviews yet.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Second review (2)" })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-review-phone");

        await PressAndWaitAsync(page, "s");
        await Expect(page.Locator("#item-text")).ToHaveTextAsync("Teachers are not paid so schools close", Patiently);
        await Expect(page.Locator(".review-counts")).ToContainTextAsync("Left in the queue: 2 · skipped: 1");
        await Expect(page.Locator("#resident-choice")).ToHaveTextAsync("The resident corrected the theme to Education (the model said Jobs and income).");
        Assert.True((await dashboard.Host.Storage.Submissions.GetAsync("s_edited"))!.NeedsReview);

        // Both queue inputs skipped: on to the second-review sample, clearly marked, the first label hidden.
        await PressAndWaitAsync(page, "s");
        await Expect(page.Locator("#item-heading")).ToHaveTextAsync("Input for a second label", Patiently);
        await Expect(page.Locator("#second-review-banner")).ToContainTextAsync("Second review");
        await Expect(page.Locator("#item-text")).ToHaveTextAsync("Second review input 1");
        await Expect(page.Locator("#resident-choice")).ToHaveCountAsync(0);
        await Expect(page.Locator(".review-item")).ToContainTextAsync("The first label stays hidden");
        await AssertNoSidewaysScrollAsync(page);
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-review-second-phone");

        await LabelWithKeyAsync(page, "2"); // health: agrees with the resident
        await Expect(page.Locator("#review-confirmation")).ToHaveTextAsync(
            "Second label recorded: Health. The first label, given by the resident, was Health.", Patiently);
        await Expect(page.Locator("#item-text")).ToHaveTextAsync("Second review input 2");
        await LabelWithKeyAsync(page, "1"); // water: differs from the resident's education
        await Expect(page.Locator("#review-confirmation")).ToHaveTextAsync(
            "Second label recorded: Water and sanitation. The first label, given by the resident, was Education.", Patiently);

        await Expect(page.Locator("#item-heading")).ToHaveTextAsync("Only the inputs you skipped are left");
        await Expect(page.Locator(".review-counts")).ToContainTextAsync("Left in the queue: 2 · skipped: 2");
        // Pairs (health, health) and (education, water): observed ½, chance ¼, κ = (½ − ¼) / (1 − ¼) = ⅓.
        await Expect(page.Locator("#agreement-pairs")).ToHaveTextAsync("2");
        await Expect(page.Locator("#agreement-observed")).ToHaveTextAsync("50%");
        await Expect(page.Locator("#agreement-kappa")).ToHaveTextAsync("0.33");
        await AssertNoSidewaysScrollAsync(page);
        await DashboardBrowser.ScreenshotAsync(page, "dashboard-review-agreement-phone");

        // A second review records the second label only.
        Assert.Equal("health", (await dashboard.Host.Storage.Submissions.GetAsync(sampled[0]))!.Theme);
        var second = await dashboard.Host.Storage.Submissions.GetAsync(sampled[1]);
        Assert.Equal(("education", LabelSource.Citizen), (second!.Theme, second.LabelSource));
        Assert.Equal(["health", "water_sanitation"], (await dashboard.Host.Storage.Submissions.ListSecondReviewsAsync("community")).Select(r => r.Theme));
        Assert.Equal("submission.second_review", Assert.Single(await dashboard.Host.Storage.Audit.ListAsync("submission:" + sampled[1])).Action);

        // The skipped inputs come back on request.
        await page.GetByRole(AriaRole.Link, new() { Name = "Show the skipped inputs again" }).First.ClickAsync();
        await Expect(page.Locator("#item-text")).ToHaveTextAsync("The clinic is closed on Sundays and Mondays", Patiently);
    }

    [SkippableFact]
    public async Task An_unknown_theme_or_a_change_made_meanwhile_is_refused_with_a_clear_message_and_nothing_stored()
    {
        var seeded = await SubmissionAsync("s_one", "Water trucks skip our street", 0.3, ("water_sanitation", 0.3), ("aid", 0.2), ("other", 0.1));
        var page = await dashboard.SignInAsync(StaffRoles.Analyst);
        await page.GotoAsync(dashboard.Url(ReviewPath));
        await Expect(page.Locator("#item-text")).ToHaveTextAsync("Water trucks skip our street");

        // A form that names a theme the campaign does not have (e.g. a stale page after the taxonomy changed).
        await page.EvalOnSelectorAsync("button[name=theme][value=health]", "button => button.value = 'astrology'");
        var refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("2"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("“astrology” is not one of this campaign's themes. Nothing was saved.");
        await Expect(page.Locator("#item-text")).ToHaveTextAsync("Water trucks skip our street");
        Assert.Equal(Label(seeded), Label(await dashboard.Host.Storage.Submissions.GetAsync("s_one")));

        // Meanwhile the resident edits the message: the page's version is stale.
        var edited = await dashboard.Host.Storage.Submissions.SaveAsync(seeded with
        {
            Text = "Water trucks skip our street every week",
            History = [new TextRevision(seeded.Text, AdminSeed.Start.AddMinutes(30))],
        });
        var conflict = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("2"), r => r.Request.Method == "POST");
        Assert.Equal(409, conflict.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else changed this input while you were looking at it, so your label was not saved");
        await Expect(page.Locator("#item-text")).ToHaveTextAsync("Water trucks skip our street every week");
        Assert.Equal(Label(edited), Label(await dashboard.Host.Storage.Submissions.GetAsync("s_one")));
        Assert.Empty(await dashboard.Host.Storage.Audit.ListAsync("submission:s_one"));

        // Read again (in Kiswahili: the themes in the page's language, the resident's words marked as English), the label goes through.
        await page.GotoAsync(dashboard.Url(ReviewPath + "?lang=sw"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Foleni ya mapitio");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Afya", Exact = true })).ToHaveAttributeAsync("aria-keyshortcuts", "2");
        await Expect(page.Locator("#item-text")).ToHaveAttributeAsync("lang", "en");
        await LabelWithKeyAsync(page, "1");
        await Expect(page.Locator("#review-confirmation")).ToHaveTextAsync("Imewekewa mada: Maji na usafi.", Patiently);
        await Expect(page.Locator("#item-heading")).ToHaveTextAsync("Hakuna kilichobaki kupitia");
        var labelled = await dashboard.Host.Storage.Submissions.GetAsync("s_one");
        Assert.Equal(("water_sanitation", LabelSource.Reviewer, false), (labelled!.Theme, labelled.LabelSource, labelled.NeedsReview));
    }

    [SkippableFact]
    public async Task An_approver_gets_the_refusal_page_and_cannot_post_a_label()
    {
        await SubmissionAsync("s_one", "Water trucks skip our street", 0.3, ("water_sanitation", 0.3));
        var page = await dashboard.SignInAsync(StaffRoles.Approver);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review", Exact = true })).ToHaveCountAsync(0);

        var response = await page.GotoAsync(dashboard.Url(ReviewPath));
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Not for your role");
        await Expect(page.Locator("button[name=theme]")).ToHaveCountAsync(0);

        var post = await page.APIRequest.PostAsync(dashboard.Url(ReviewPath), new() { Form = page.APIRequest.CreateFormData().Set("id", "s_one").Set("theme", "health") });
        Assert.Equal(403, post.Status);
        Assert.True((await dashboard.Host.Storage.Submissions.GetAsync("s_one"))!.NeedsReview);
        Assert.Empty(await dashboard.Host.Storage.Audit.ListAsync("submission:s_one"));
    }

    /// <summary>An input marked for review with the model's top three (the first is its theme).</summary>
    private async Task<Submission> SubmissionAsync(string id, string text, double confidence, params (string Theme, double Probability)[] top)
    {
        var seeded = await AdminSeed.SubmissionAsync(dashboard.Host.Storage, id, "p1", text, top[0].Theme, confidence, 0, needsReview: true);
        return await dashboard.Host.Storage.Submissions.SaveAsync(seeded with { TopThemes = [.. top.Select(t => new ThemeGuess(t.Theme, t.Probability))] });
    }

    private static (string? Theme, LabelSource Source, bool NeedsReview, long Version) Label(Submission? submission) =>
        (submission!.Theme, submission.LabelSource, submission.NeedsReview, submission.Version);

    /// <summary>Presses a key (the page's script turns it into a label or a skip) and waits for the next page.</summary>
    private static Task PressAndWaitAsync(IPage page, string key) =>
#pragma warning disable CS0612 // Obsolete in favour of WaitForURL, which cannot tell a reload of the same address from the page already there; waiting is set up before the key is pressed, so there is no race.
        page.RunAndWaitForNavigationAsync(() => page.Keyboard.PressAsync(key), new() { Timeout = 20_000 });
#pragma warning restore CS0612

    private static async Task LabelWithKeyAsync(IPage page, string key)
    {
        var response = await page.RunAndWaitForResponseAsync(() => PressAndWaitAsync(page, key), r => r.Request.Method == "POST", new() { Timeout = 20_000 });
        // POST-redirect-GET: the label answers with a redirect to the next input.
        Assert.Equal(302, response.Status);
    }

    private static Task AssertNoSidewaysScrollAsync(IPage page) => DashboardBrowser.AssertNoSidewaysScrollAsync(page, "review page");
}

using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Bot.Tests.Channels.DirectLine;
using CitizenData.Feedback.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenData.Bot.Tests.WebChat;

/// <summary>The page at <c>/</c> with the official Web Chat 4.18.1, in headless Chromium on a 360 px phone screen.</summary>
public sealed class WebChatPageTests : IAsyncLifetime
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    private DirectLineServer server = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        server = await DirectLineServer.StartAsync();
        (playwright, browser) = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await server.DisposeAsync();
    }

    [SkippableFact]
    public async Task AResidentCompletesConsentInputAndThemeCorrectionByClickingTheButtons()
    {
        var page = await NewPhonePageAsync("en-GB");
        await page.GotoAsync($"{server.BaseUrl}/?campaign=community");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Community Voices");
        await Expect(Said(page, "Do you agree?")).ToBeVisibleAsync(Patiently);
        await Press(page, "I agree");
        await Expect(Said(page, "may we quote your words")).ToBeVisibleAsync(Patiently);
        await Press(page, "Yes");
        foreach (var question in new[] { "Which area, village or ward", "What is your gender?", "How old are you?", "Do you have a disability?" })
        {
            await Expect(Said(page, question)).ToBeVisibleAsync(Patiently);
            await Press(page, "Skip");
        }
        await Expect(Said(page, "Now tell me in your own words")).ToBeVisibleAsync(Patiently);
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("The borehole is broken and we have no clean water");
        await sendBox.PressAsync("Enter");
        await Expect(Said(page, "I understood it is about")).ToBeVisibleAsync(Patiently);
        await Press(page, "✎ Change");
        await Expect(Said(page, "Which topic fits best?")).ToBeVisibleAsync(Patiently);
        await Press(page, "Health");
        await Expect(Said(page, "I changed it to")).ToBeVisibleAsync(Patiently);
        await Expect(Said(page, "Anything else?")).ToBeVisibleAsync(Patiently);
        // The bot has answered: no typing indicator lingers.
        await Expect(page.Locator(".webchat__typing-indicator")).ToHaveCountAsync(0, new() { Timeout = 2_000 });

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("webchat-phone.png"), FullPage = true });
        await Expect(page.GetByText("Send failed")).ToHaveCountAsync(0);
        var participants = await server.Storage.Participants.ListByCampaignAsync("community");
        var submission = Assert.Single(await server.Storage.Submissions.ListByParticipantAsync(Assert.Single(participants).Id));
        Assert.Equal("health", submission.Theme);
        Assert.Equal(LabelSource.Citizen, submission.LabelSource);
        Assert.Equal("directline", submission.Channel);
    }

    [SkippableFact]
    public async Task AReloadResumesTheSameConversation()
    {
        var page = await NewPhonePageAsync("en-US");
        await page.GotoAsync(server.BaseUrl + "/");
        await Expect(Said(page, "Do you agree?")).ToBeVisibleAsync(Patiently);
        await Press(page, "I agree");
        await Expect(Said(page, "may we quote your words")).ToBeVisibleAsync(Patiently);
        var before = await page.EvaluateAsync<string>("() => localStorage.getItem('citizendata.webchat.default')");

        await page.ReloadAsync();

        await Expect(Said(page, "may we quote your words")).ToBeVisibleAsync(Patiently);
        await Press(page, "No");
        await Expect(Said(page, "Which area, village or ward")).ToBeVisibleAsync(Patiently);
        var after = await page.EvaluateAsync<string>("() => localStorage.getItem('citizendata.webchat.default')");
        Assert.Equal(ConversationOf(before), ConversationOf(after));
        Assert.Single(await server.Storage.Participants.ListByCampaignAsync("community"));
    }

    [SkippableFact]
    public async Task TheChatWorksWithTheKeyboardAlone()
    {
        var page = await NewPhonePageAsync("en");
        await page.GotoAsync(server.BaseUrl + "/");
        await Expect(Said(page, "Do you agree?")).ToBeVisibleAsync(Patiently);
        var agree = page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button, new() { Name = "I agree" });

        for (var presses = 0; presses < 30 && !await agree.EvaluateAsync<bool>("b => b === document.activeElement"); presses++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Expect(Said(page, "may we quote your words")).ToBeVisibleAsync(Patiently);
    }

    [SkippableFact]
    public async Task ThePageFollowsTheBrowsersLanguage()
    {
        var texts = server.App.Services.GetRequiredService<BotTexts>();
        var page = await NewPhonePageAsync("fr-FR");
        await page.GotoAsync(server.BaseUrl + "/");

        await Expect(page.Locator("h1")).ToHaveTextAsync(texts.Get("fr", "community.title"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        var agree = page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Button, new() { Name = texts.Get("fr", "button.agree"), Exact = true });
        await Expect(agree).ToBeVisibleAsync(Patiently);
    }

    [SkippableFact]
    public async Task AnUnknownCampaignSaysSo()
    {
        var page = await NewPhonePageAsync("en");
        await page.GotoAsync(server.BaseUrl + "/?campaign=no-such-campaign");

        await Expect(Said(page, "There is no campaign with the code 'no-such-campaign'.")).ToBeVisibleAsync(Patiently);
    }

    private async Task<IPage> NewPhonePageAsync(string locale)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = locale,
        });
        return await context.NewPageAsync();
    }

    /// <summary>The newest visible text (Web Chat also keeps hidden copies for screen readers).</summary>
    private static ILocator Said(IPage page, string text) => page.GetByText(text).Filter(new() { Visible = true }).Last;

    /// <summary>Clicks the newest button with this label (older prompts' buttons are gone by then).</summary>
    private static async Task Press(IPage page, string label)
    {
        var button = page.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).Last;
        await Expect(button).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await button.ClickAsync();
    }

    private static string ConversationOf(string stored) =>
        System.Text.Json.JsonDocument.Parse(stored).RootElement.GetProperty("conversationId").GetString()!;
}

using CitizenData.Bot.Admin;
using CitizenData.Bot.Tests.Admin;
using CitizenData.Bot.Tests.WebChat;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>
/// The real server (<see cref="AdminTestHost"/>) and headless Chromium, for dashboard tests:
/// <code>
/// await using var dashboard = await DashboardBrowser.StartAsync();
/// var page = await dashboard.SignInAsync(StaffRoles.Analyst);        // a new account with that role, signed in by the form
/// await page.GotoAsync(dashboard.Url("/admin/campaigns/community"));
/// await dashboard.ScreenshotAsync(page, "dashboard-overview");      // artifacts/dashboard-overview.png
/// </code>
/// Pages open on a laptop screen unless a test asks for a phone (<see cref="PhoneViewport"/>).
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    public const string Password = "a-long-test-passphrase";
    public static readonly ViewportSize LaptopViewport = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize PhoneViewport = new() { Width = 360, Height = 740 };

    /// <summary>How long to wait for what a page shows after a server round trip (the test machine is shared).</summary>
    public static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private int accounts;

    private DashboardBrowser(AdminTestHost host, IPlaywright playwright, IBrowser browser)
    {
        Host = host;
        this.playwright = playwright;
        this.browser = browser;
    }

    public AdminTestHost Host { get; }

    public static async Task<DashboardBrowser> StartAsync(Action<WebApplicationBuilder>? configure = null)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        var host = await AdminTestHost.StartAsync(configure);
        return new DashboardBrowser(host, playwright, browser);
    }

    public string Url(string path) => new Uri(Host.BaseAddress, path).ToString();

    /// <summary>A fresh browser (its own cookies) on the sign-in page, in <paramref name="locale"/>.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null, string locale = "en-GB")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? LaptopViewport,
            Locale = locale,
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Creates an account with <paramref name="role"/> and signs it in through the sign-in page.</summary>
    public async Task<IPage> SignInAsync(string role, ViewportSize? viewport = null, string locale = "en-GB")
    {
        var userName = $"{role}{Interlocked.Increment(ref accounts)}";
        await Host.CreateAccountAsync(userName, Password, role);
        var page = await NewPageAsync(viewport, locale);
        await SignInAsync(page, userName, Password);
        return page;
    }

    /// <summary>Fills in and sends the sign-in form, then waits for the start page.</summary>
    public async Task SignInAsync(IPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Url("/admin/signin"));
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Expect(page.Locator("header form.who")).ToContainTextAsync(userName, new() { Timeout = 20_000 });
    }

    /// <summary>The page fits its screen's width: nothing to scroll sideways (checked at 360 px).</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        Assert.False(overflow, $"The {what} is wider than a {width} px screen.");
    }

    /// <summary>A full-page screenshot under the test output's artifacts/ folder, for a person to look at.</summary>
    public static Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath(name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await Host.DisposeAsync();
    }
}

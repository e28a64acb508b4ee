using Microsoft.Playwright;

namespace CitizenData.Bot.Tests.WebChat;

/// <summary>Debian's Chromium, headless, driven by Playwright (which must never download a browser of its own).</summary>
internal static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Skip.IfNot(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium.");
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
        });
        return (playwright, browser);
    }

    /// <summary>Screenshots land in the test output folder, under artifacts/.</summary>
    public static string ArtifactPath(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}

using CitizenData.Bot.Broadcasts;
using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Bot.Tests.Support;
using CitizenData.Feedback.Actions;
using CitizenData.Feedback.Summaries;
using CitizenData.Feedback.Summaries.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenData.Bot.Tests.Loop;

/// <summary>The broadcast message and chart in every shipped language.</summary>
public sealed class BroadcastRenderingTests
{
    /// <summary>Charts land here so a person can look at them (the file viewer, CI artifacts).</summary>
    public static readonly string ChartFolder = Path.Combine(Path.GetTempPath(), "citizendata-charts");

    private static CampaignSummary Summary => new()
    {
        CampaignCode = "community",
        Audience = SummaryAudience.Public,
        PrivacyThreshold = 10,
        Participants = 142,
        Inputs = 311,
        Themes =
        [
            new("water_sanitation", 61, 61 / 142.0, null, null, null),
            new("health", 40, 40 / 142.0, null, null, null),
            new("infrastructure", 22, 22 / 142.0, null, null, null),
            new("education", 12, 12 / 142.0, null, null, null),
            new("safety", null, null, null, null, null),
            new("inclusion", null, null, null, null, null),
        ],
        Quotes = [new("water_sanitation", "The borehole has been broken for three weeks and we walk to the river")],
        Quality = new DataQuality(0.9, 0.7, 0.3),
    };

    private static CampaignAction Action => new()
    {
        Id = "a1",
        CampaignCode = "community",
        Themes = ["water_sanitation"],
        Texts = new Dictionary<string, string> { ["en"] = "The county repaired the borehole", ["sw"] = "Kaunti imekarabati kisima", ["hi"] = "ज़िला कार्यालय ने नलकूप ठीक कराया" },
        DutyBearer = "County water office",
        Status = ActionStatus.Done,
        Date = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task Every_language_gets_a_message_under_the_limit_and_a_chart()
    {
        await using var bot = await TestBot.StartAsync();
        var texts = bot.Texts;
        var campaign = (await bot.Storage.Campaigns.GetAsync("community"))!;
        Directory.CreateDirectory(ChartFolder);
        foreach (var language in texts.Languages)
        {
            var message = BroadcastMessage.Render(texts, campaign, language, "Asante!", Summary, [Action]);
            Assert.InRange(message.Length, 1, BroadcastMessage.MaxLength);
            Assert.Contains(BroadcastMessage.ThemeName(texts, campaign, "water_sanitation", language), message, StringComparison.Ordinal);
            Assert.Contains("61", message, StringComparison.Ordinal);
            Assert.DoesNotContain(texts.Get(language, "theme.safety"), message, StringComparison.Ordinal); // suppressed

            var png = BroadcastMessage.Chart(texts, campaign, language, Summary);
            Assert.NotNull(png);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            await File.WriteAllBytesAsync(Path.Combine(ChartFolder, $"{language}.png"), png);
        }
        bot.Database.Dispose();
    }

    [SkippableFact]
    public void Hindi_and_Nepali_charts_use_a_Devanagari_font()
    {
        Skip.IfNot(ChartFonts.HasDevanagari, "No Devanagari font installed (Debian fonts-noto-core); test.sh installs it.");
        Assert.Contains("Devanagari", ChartFonts.Typeface("पानी").FamilyName, StringComparison.Ordinal);
        Assert.DoesNotContain("Devanagari", ChartFonts.Typeface("Water").FamilyName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_summary_with_too_few_participants_says_so_and_shows_no_numbers()
    {
        await using var bot = await TestBot.StartAsync();
        var campaign = (await bot.Storage.Campaigns.GetAsync("community"))!;
        var tooFew = new CampaignSummary { CampaignCode = "community", Audience = SummaryAudience.Public, PrivacyThreshold = 10, TooFewParticipants = true, Quality = new DataQuality(0, 0, 0) };

        var message = BroadcastMessage.Render(bot.Texts, campaign, "en", null, tooFew, []);

        Assert.Contains(bot.Texts.Get("en", "broadcast.too.few"), message, StringComparison.Ordinal);
        Assert.Null(BroadcastMessage.Chart(bot.Texts, campaign, "en", tooFew));
        bot.Database.Dispose();
    }
}

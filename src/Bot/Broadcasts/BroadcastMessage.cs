using System.Globalization;
using System.Text;
using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Actions;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Summaries;
using CitizenData.Feedback.Summaries.Rendering;

namespace CitizenData.Bot.Broadcasts;

/// <summary>
/// Renders what a broadcast says in one language: staff's words, the top themes of the public summary, a quote or two,
/// and what is being done, in plain words and under Telegram's 4,096 characters. Counts come only from the public
/// summary, so nothing under k can appear.
/// </summary>
public static class BroadcastMessage
{
    public const int MaxLength = 4000;
    public const int TopThemes = 5;
    public const int MaxQuotes = 2;
    public const int MaxActions = 3;

    public static string Render(
        BotTexts texts,
        Campaign campaign,
        string language,
        string? staffMessage,
        CampaignSummary? summary,
        IReadOnlyList<CampaignAction> actions)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(actions);
        string Say(string key, params object[] args) => texts.Get(language, key, args);

        var head = new StringBuilder(Say("broadcast.header", campaign.Title(language)));
        if (!string.IsNullOrWhiteSpace(staffMessage))
            head.Append("\n\n").Append(staffMessage.Trim());

        var findings = new StringBuilder();
        var quotes = new StringBuilder();
        if (summary is not null)
        {
            if (summary.TooFewParticipants || summary.Participants is not { } participants)
            {
                findings.Append("\n\n").Append(Say("broadcast.too.few"));
            }
            else
            {
                findings.Append("\n\n").Append(Say("broadcast.summary", Number(participants, language), Number(summary.Inputs ?? 0, language)));
                var top = summary.VisibleThemes.Where(t => t.Participants > 0 && t.Theme != SummaryCounts.Unsorted).Take(TopThemes).ToList();
                if (top.Count > 0)
                {
                    findings.Append("\n\n").Append(Say("broadcast.top.themes"));
                    foreach (var theme in top)
                        findings.Append('\n').Append(Say("broadcast.theme.line", ThemeName(texts, campaign, theme.Theme, language), Number(theme.Participants!.Value, language), Percent(theme.Share ?? 0)));
                }
                findings.Append('\n').Append(Say("broadcast.suppressed.note", campaign.PrivacyThreshold));
                var chosen = summary.Quotes.Take(MaxQuotes).ToList();
                if (chosen.Count > 0)
                {
                    quotes.Append("\n\n").Append(Say("broadcast.quotes.header"));
                    foreach (var quote in chosen)
                        quotes.Append('\n').Append(Say("broadcast.quote", quote.Text));
                }
            }
        }

        var done = new StringBuilder();
        if (actions.Count > 0)
        {
            done.Append("\n\n").Append(Say("broadcast.actions.header"));
            foreach (var action in actions.Take(MaxActions))
                done.Append('\n').Append(ActionLine(texts, campaign, action, language));
        }
        var footer = "\n\n" + Say("broadcast.footer");

        // Drop the least essential parts first if the message would be too long for one chat message.
        var parts = new[] { head.ToString(), findings.ToString(), done.ToString(), quotes.ToString(), footer };
        var text = string.Concat(parts[0], parts[1], parts[3], parts[2], parts[4]);
        if (text.Length > MaxLength)
            text = string.Concat(parts[0], parts[1], parts[2], parts[4]);
        if (text.Length > MaxLength)
            text = string.Concat(parts[0], parts[1], parts[4]);
        return text.Length > MaxLength ? text[..(MaxLength - 1)] + "…" : text;
    }

    /// <summary>The chart of theme shares in the language, or null when the summary shows no theme.</summary>
    public static byte[]? Chart(BotTexts texts, Campaign campaign, string language, CampaignSummary summary)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(summary);
        if (!HasChart(summary) || summary.Participants is not { } participants)
            return null;
        var bars = ChartThemes(summary).Select(t => new ChartBar(ThemeName(texts, campaign, t.Theme, language), t.Share ?? 0)).ToList();
        return ThemeShareChart.RenderPng(
            texts.Get(language, "chart.title", Number(participants, language)),
            bars,
            texts.Get(language, "chart.note", campaign.PrivacyThreshold));
    }

    /// <summary>Whether the summary shows a theme to chart.</summary>
    public static bool HasChart(CampaignSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Participants is not null && ChartThemes(summary).Any();
    }

    private static IEnumerable<ThemeSummary> ChartThemes(CampaignSummary summary) =>
        summary.VisibleThemes.Where(t => t.Participants > 0 && t.Theme != SummaryCounts.Unsorted).Take(8);

    public static string ActionLine(BotTexts texts, Campaign campaign, CampaignAction action, string language)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(action);
        var themes = string.Join(", ", action.Themes.Select(t => ThemeName(texts, campaign, t, language)));
        return texts.Get(language, "action.line", action.Text(language), action.DutyBearer, Status(texts, action.Status, language), themes, action.Date.ToString("d", Culture(language)));
    }

    public static string Status(BotTexts texts, ActionStatus status, string language) =>
        texts.Get(language, status switch
        {
            ActionStatus.Done => "action.status.done",
            ActionStatus.InProgress => "action.status.in_progress",
            _ => "action.status.promised",
        });

    public static string ThemeName(BotTexts texts, Campaign campaign, string theme, string language)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(campaign);
        if (theme == SummaryCounts.Unsorted)
            return texts.Get(language, "mydata.unclassified");
        if (campaign.Taxonomy.Find(theme) is { } found && found.Names.ContainsKey(language))
            return found.Name(language);
        return texts.Keys(language).Contains("theme." + theme) ? texts.Get(language, "theme." + theme) : campaign.Taxonomy.Find(theme)?.Name(language) ?? theme;
    }

    private static string Number(int n, string language) => n.ToString("N0", Culture(language));

    private static string Percent(double share) => Math.Round(share * 100).ToString("0", CultureInfo.InvariantCulture);

    private static CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}

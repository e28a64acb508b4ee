using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Actions;
using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Summaries;

namespace CitizenData.Bot.Broadcasts;

/// <summary>
/// What a broadcast says in each of the campaign's languages, from one public summary and one set of actions: the
/// draft saves it, and the dashboard's composer shows it before anything is saved, so both show the same words.
/// </summary>
public sealed class BroadcastContent(BotTexts texts, Campaign campaign, Broadcast draft, CampaignSummary? summary, IReadOnlyList<CampaignAction> actions)
{
    /// <summary>The campaign's languages the bot speaks (the bot's default language when it speaks none of them).</summary>
    public IReadOnlyList<string> Languages { get; } = campaign.Languages.Where(texts.Supports).DefaultIfEmpty(texts.DefaultLanguage).Distinct().ToList();

    /// <summary>The public summary the message and chart are made from; null when the draft includes neither.</summary>
    public CampaignSummary? Summary => summary;

    /// <summary>
    /// The content of <paramref name="variant"/>, the same draft including or leaving out the summary or chart, from the
    /// summary and actions already read (the composer shows the summary whatever the draft includes).
    /// </summary>
    public BroadcastContent Including(Broadcast variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        if (variant.From != draft.From || variant.To != draft.To || variant.IncludeActions != draft.IncludeActions || variant.Audience != draft.Audience)
            throw new ArgumentException("Only what the draft includes may differ: the period, audience and actions were read for this draft.", nameof(variant));
        return new BroadcastContent(texts, campaign, variant, summary, actions);
    }

    /// <summary>The message a recipient reading <paramref name="language"/> gets.</summary>
    public string Text(string language)
    {
        var staffWords = draft.Messages.Count == 0 ? null : Localised.Pick(draft.Messages, language, campaign.Languages);
        return BroadcastMessage.Render(texts, campaign, language, staffWords, draft.IncludeSummary ? summary : null, actions);
    }

    /// <summary>Whether the broadcast carries a chart: the draft asks for one and the summary shows a theme.</summary>
    public bool HasChart => draft.IncludeChart && summary is not null && BroadcastMessage.HasChart(summary);

    /// <summary>The chart (PNG) in <paramref name="language"/>, or null when the draft has none or the summary shows no theme.</summary>
    public byte[]? Chart(string language) =>
        HasChart ? BroadcastMessage.Chart(texts, campaign, language, summary!) : null;
}

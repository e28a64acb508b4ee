using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Actions;
using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Summaries;

namespace CitizenData.Bot.Broadcasts;

/// <summary>Drafts (with a preview and chart per language), approves and reports on broadcasts.</summary>
public sealed class BroadcastService(IFeedbackStorage storage, SummaryBuilder summaries, BotTexts texts, TimeProvider clock)
{
    /// <summary>Renders the draft's message and chart in every language from the public summary, without saving anything.</summary>
    public async Task<BroadcastContent> ComposeAsync(Campaign campaign, Broadcast draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(draft);
        var summary = draft.IncludeSummary || draft.IncludeChart
            ? await summaries.BuildAsync(campaign, draft.From, draft.To, SummaryAudience.Public, cancellationToken)
            : null;
        var actions = draft.IncludeActions ? await RelevantActionsAsync(campaign, draft, cancellationToken) : [];
        return new BroadcastContent(texts, campaign, draft, summary, actions);
    }

    public async Task<Broadcast> DraftAsync(Campaign campaign, Broadcast draft, CancellationToken cancellationToken)
    {
        var content = await ComposeAsync(campaign, draft, cancellationToken);
        var broadcast = draft with { Id = draft.Id.Length > 0 ? draft.Id : Broadcast.NewId(), CampaignCode = campaign.Code, Status = BroadcastStatus.Draft, CreatedAt = clock.GetUtcNow() };

        var previews = new Dictionary<string, string>(StringComparer.Ordinal);
        var charts = new List<string>();
        foreach (var language in content.Languages)
        {
            previews[language] = content.Text(language);
            if (content.Chart(language) is { } png)
            {
                await storage.Broadcasts.SaveMediaAsync(broadcast.Id, language + ".png", new BroadcastMedia("image/png", png), cancellationToken);
                charts.Add(language);
            }
        }
        return await storage.Broadcasts.SaveAsync(broadcast with { Previews = previews, ChartLanguages = charts }, cancellationToken);
    }

    /// <summary>Approves a draft. Returns null when it is not a draft any more.</summary>
    public async Task<Broadcast?> ApproveAsync(Broadcast broadcast, string approver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        if (broadcast.Status != BroadcastStatus.Draft)
            return null;
        return await storage.Broadcasts.SaveAsync(broadcast with { Status = BroadcastStatus.Approved, ApprovedBy = approver, ApprovedAt = clock.GetUtcNow() }, cancellationToken);
    }

    private async Task<IReadOnlyList<CampaignAction>> RelevantActionsAsync(Campaign campaign, Broadcast draft, CancellationToken cancellationToken)
    {
        var all = await storage.Actions.ListByCampaignAsync(campaign.Code, cancellationToken);
        return draft.Audience.Themes.Count == 0 ? all : [.. all.Where(a => a.Themes.Intersect(draft.Audience.Themes).Any())];
    }
}

using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Storage;

namespace CitizenData.Feedback.Summaries;

/// <summary>Builds a campaign's summary for a period from the storage aggregates, with the period before for comparison.</summary>
public sealed class SummaryBuilder(ISummaryStore store)
{
    /// <summary>Quotes are picked among this many recent quotable inputs: enough to find typical ones, cheap on a million rows.</summary>
    public const int QuoteCandidateLimit = 2000;

    public async Task<CampaignSummary> BuildAsync(Campaign campaign, DateTimeOffset? from, DateTimeOffset? to, SummaryAudience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var current = await store.CountAsync(campaign.Code, from, to, campaign.ReviewThreshold, cancellationToken);
        SummaryCounts? previous = null;
        if (from is { } start && to is { } end && end > start)
            previous = await store.CountAsync(campaign.Code, start - (end - start), start, campaign.ReviewThreshold, cancellationToken);
        var quotes = await store.QuoteCandidatesAsync(campaign.Code, from, to, QuoteCandidateLimit, cancellationToken);
        return SummaryComposer.Compose(campaign, current, previous, quotes, audience, from, to);
    }
}

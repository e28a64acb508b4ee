using CitizenData.Feedback.Summaries;

namespace CitizenData.Feedback.Storage;

/// <summary>Aggregates of a campaign's inputs, computed where the data lives: for summaries and the dashboard's overview.</summary>
public interface ISummaryStore
{
    /// <summary>
    /// Participants and inputs per profile cell and theme for the campaign's submissions received in [from, to).
    /// An input not sorted into a theme yet counts under <see cref="SummaryCounts.Unsorted"/>.
    /// </summary>
    Task<SummaryCounts> CountAsync(string campaignCode, DateTimeOffset? from, DateTimeOffset? to, double highConfidence, CancellationToken cancellationToken = default);

    /// <summary>The most recent sorted inputs in [from, to) from participants who agreed to be quoted, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<QuoteCandidate>> QuoteCandidatesAsync(string campaignCode, DateTimeOffset? from, DateTimeOffset? to, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// How the campaign's submissions received in [from, to) arrived: per UTC day, or per week (from Monday) when the
    /// period is longer than <see cref="CampaignActivity.MaxDailyBuckets"/> days (<see cref="CampaignActivity.IntervalFor"/>
    /// of from and the day before to; an open end is taken from the first or last submission), and per channel and language.
    /// </summary>
    Task<CampaignActivity> ActivityAsync(string campaignCode, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default);
}

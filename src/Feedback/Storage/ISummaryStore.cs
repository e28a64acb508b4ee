using CitizenData.Feedback.Summaries;

namespace CitizenData.Feedback.Storage;

/// <summary>The aggregates a summary is built from, computed where the data lives.</summary>
public interface ISummaryStore
{
    /// <summary>
    /// Participants and inputs per profile cell and theme for the campaign's submissions received in [from, to).
    /// An input not sorted into a theme yet counts under <see cref="SummaryCounts.Unsorted"/>.
    /// </summary>
    Task<SummaryCounts> CountAsync(string campaignCode, DateTimeOffset? from, DateTimeOffset? to, double highConfidence, CancellationToken cancellationToken = default);

    /// <summary>The most recent sorted inputs in [from, to) from participants who agreed to be quoted, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<QuoteCandidate>> QuoteCandidatesAsync(string campaignCode, DateTimeOffset? from, DateTimeOffset? to, int max, CancellationToken cancellationToken = default);
}

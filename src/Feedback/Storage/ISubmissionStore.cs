using CitizenData.Feedback.Submissions;

namespace CitizenData.Feedback.Storage;

public interface ISubmissionStore
{
    Task<Submission?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<Submission?> FindByChannelMessageAsync(string participantId, string channelMessageKey, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Submission>> ListByParticipantAsync(string participantId, CancellationToken cancellationToken = default);

    /// <summary>Streams a campaign's submissions in order of arrival, without holding them all in memory.</summary>
    IAsyncEnumerable<Submission> StreamByCampaignAsync(string campaignCode, DateTimeOffset? since = null, DateTimeOffset? until = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams every submission whose theme a person gave (<see cref="LabelSource.Citizen"/> or
    /// <see cref="LabelSource.Reviewer"/>), in a stable order (by id). Erased participants' submissions are gone from it.
    /// </summary>
    IAsyncEnumerable<Submission> StreamLabelledAsync(CancellationToken cancellationToken = default);

    /// <summary>How many submissions <see cref="StreamLabelledAsync"/> would stream.</summary>
    Task<int> CountLabelledAsync(CancellationToken cancellationToken = default);

    /// <summary>Optimistic save: version 0 creates; otherwise the stored version must match.</summary>
    Task<Submission> SaveAsync(Submission submission, CancellationToken cancellationToken = default);
}

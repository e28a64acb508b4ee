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

    /// <summary>One page of the submissions matching <paramref name="query"/>, newest first, and how many match in all.</summary>
    Task<SubmissionPage> QueryAsync(SubmissionQuery query, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the matching submissions in order of arrival with their participant's profile, without holding them in
    /// memory (exports). Document stores can denormalise or look up the profile; SQLite joins.
    /// </summary>
    IAsyncEnumerable<ProfiledSubmission> StreamProfiledAsync(SubmissionQuery query, CancellationToken cancellationToken = default);

    Task<SubmissionStatistics> StatisticsAsync(SubmissionQuery query, CancellationToken cancellationToken = default);

    /// <summary>Submissions marked for review, least confident first.</summary>
    Task<IReadOnlyList<Submission>> ReviewQueueAsync(string campaignCode, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Labelled submissions (by a reviewer or the resident) in the <see cref="ReviewSample"/> that no one has reviewed a
    /// second time yet.
    /// </summary>
    Task<IReadOnlyList<Submission>> SecondReviewCandidatesAsync(string campaignCode, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a review, and with it (atomically, optimistic version) <paramref name="relabelled"/>, the submission with
    /// the reviewer's label, when the review decides the label.
    /// </summary>
    Task RecordReviewAsync(ReviewRecord review, Submission? relabelled, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReviewRecord>> ListSecondReviewsAsync(string campaignCode, CancellationToken cancellationToken = default);
}

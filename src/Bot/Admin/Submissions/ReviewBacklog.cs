using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Submissions;

namespace CitizenData.Bot.Admin.Submissions;

/// <summary>
/// A campaign's work for reviewers: the items marked for review (unclassified first, then the least confident), the
/// stable 5 % sample of labelled items offered for a second, independent label, and how well the pairs agree. The
/// admin API lists it in one answer; the dashboard's review page takes one item at a time.
/// </summary>
public sealed class ReviewBacklog(ISubmissionStore submissions)
{
    /// <summary>The first <paramref name="max"/> items to label, a tenth as many for a second review, and the agreement.</summary>
    public async Task<ReviewWorkload> ReadAsync(string campaignCode, int max, CancellationToken cancellationToken = default) => new(
        await submissions.ReviewQueueAsync(campaignCode, max, cancellationToken),
        await submissions.SecondReviewCandidatesAsync(campaignCode, Math.Max(1, max / 10), cancellationToken),
        await AgreementAsync(campaignCode, cancellationToken));

    /// <summary>The next item to label (or to review a second time), passing over those the reviewer skipped.</summary>
    public async Task<Submission?> NextAsync(string campaignCode, bool secondReview, IReadOnlyCollection<string> skipped, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        // However the skipped items sort, one more than their number holds the first that is not skipped.
        var max = skipped.Count + 1;
        var candidates = secondReview
            ? await submissions.SecondReviewCandidatesAsync(campaignCode, max, cancellationToken)
            : await submissions.ReviewQueueAsync(campaignCode, max, cancellationToken);
        return candidates.FirstOrDefault(s => !skipped.Contains(s.Id));
    }

    /// <summary>How many items are marked for review.</summary>
    public async Task<long> CountToLabelAsync(string campaignCode, CancellationToken cancellationToken = default) =>
        (await submissions.QueryAsync(new SubmissionQuery(campaignCode) { NeedsReview = true }, 0, 1, cancellationToken)).Total;

    /// <summary>How many items wait for a second review, counted up to <paramref name="atMost"/> (the sample is read, not counted).</summary>
    public async Task<int> CountForSecondReviewAsync(string campaignCode, int atMost, CancellationToken cancellationToken = default) =>
        (await submissions.SecondReviewCandidatesAsync(campaignCode, atMost, cancellationToken)).Count;

    public async Task<ReviewerAgreement> AgreementAsync(string campaignCode, CancellationToken cancellationToken = default) =>
        ReviewerAgreement.FromSecondReviews(await submissions.ListSecondReviewsAsync(campaignCode, cancellationToken));
}

/// <param name="ToLabel">Marked for review, unclassified first, then the least confident.</param>
/// <param name="ForSecondReview">From the stable random 5 % of labelled items, not yet reviewed a second time.</param>
public sealed record ReviewWorkload(IReadOnlyList<Submission> ToLabel, IReadOnlyList<Submission> ForSecondReview, ReviewerAgreement Agreement);

using System.Security.Claims;
using CitizenData.Bot.Admin.Audit;
using CitizenData.Bot.Admin.Auth;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Submissions;

namespace CitizenData.Bot.Admin.Submissions;

/// <summary>
/// A reviewer labels a submission (the admin API and the dashboard's review page both come here). A first label sets
/// the theme with <see cref="LabelSource.Reviewer"/> and clears <see cref="Submission.NeedsReview"/> (retraining reads
/// it), in one optimistic write with its review record; a second review of an already labelled item records only the
/// second label, for <see cref="ReviewerAgreement"/>. Either is audited; nothing is written when the label is refused.
/// </summary>
public sealed class SubmissionLabels(ICampaignStore campaigns, ISubmissionStore submissions, StaffAudit audit, TimeProvider clock)
{
    /// <param name="version">The version the reviewer saw; another one means someone changed the item meanwhile.</param>
    public async Task<LabelResult> LabelAsync(
        ClaimsPrincipal user, string submissionId, string? theme, bool secondReview, long? version, CancellationToken cancellationToken = default)
    {
        var submission = await submissions.GetAsync(submissionId, cancellationToken);
        if (submission is null)
            return new LabelResult.NoSuchSubmission();
        var campaign = await campaigns.GetAsync(submission.CampaignCode, cancellationToken);
        if (string.IsNullOrWhiteSpace(theme) || campaign is null || !campaign.Taxonomy.Contains(theme))
            return new LabelResult.UnknownTheme(campaign?.Taxonomy.Keys.ToList() ?? []);
        if (version is { } seen && seen != submission.Version)
            return new LabelResult.ChangedMeanwhile();
        var alreadyLabelled = submission.Theme is not null && submission.LabelSource is LabelSource.Reviewer or LabelSource.Citizen;
        if (secondReview && !alreadyLabelled)
            return new LabelResult.NotLabelledYet();

        var review = new ReviewRecord(
            submission.Id, submission.CampaignCode, StaffActor.Name(user), theme, submission.Theme, submission.LabelSource, secondReview, clock.GetUtcNow());
        var relabelled = secondReview ? null : submission with { Theme = theme, LabelSource = LabelSource.Reviewer, NeedsReview = false };
        try
        {
            await submissions.RecordReviewAsync(review, relabelled, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return new LabelResult.ChangedMeanwhile();
        }
        await audit.RecordAsync(
            user,
            secondReview ? "submission.second_review" : "submission.label",
            "submission:" + submission.Id,
            new { campaign = submission.CampaignCode, theme, previousTheme = submission.Theme, previousLabelSource = submission.LabelSource.ToString() },
            cancellationToken);
        var current = relabelled is null ? submission : await submissions.GetAsync(submissionId, cancellationToken) ?? relabelled;
        return new LabelResult.Labelled(submission, current);
    }
}

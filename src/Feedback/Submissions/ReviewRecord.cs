namespace CitizenData.Feedback.Submissions;

/// <summary>
/// A staff reviewer's label for a submission. A first review decides the theme (and feeds retraining); a second review
/// of an already labelled item only records whether a second person agrees, for <see cref="ReviewerAgreement"/>.
/// </summary>
public sealed record ReviewRecord(
    string SubmissionId,
    string CampaignCode,
    string Reviewer,
    string Theme,
    string? PreviousTheme,
    LabelSource PreviousLabelSource,
    bool SecondReview,
    DateTimeOffset At);

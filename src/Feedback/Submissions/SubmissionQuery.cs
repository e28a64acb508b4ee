namespace CitizenData.Feedback.Submissions;

/// <summary>
/// Which of a campaign's submissions to list or export. Null means "any". <see cref="Location"/> matches the
/// participant's profile answer for <c>location</c> exactly.
/// </summary>
public sealed record SubmissionQuery(string CampaignCode)
{
    public string? Theme { get; init; }
    public bool? NeedsReview { get; init; }
    public string? Language { get; init; }
    public string? Channel { get; init; }
    public SubmissionSource? Source { get; init; }
    public LabelSource? LabelSource { get; init; }
    /// <summary>Inclusive.</summary>
    public DateTimeOffset? From { get; init; }
    /// <summary>Exclusive.</summary>
    public DateTimeOffset? To { get; init; }
    public string? Location { get; init; }
}

/// <summary>One page of a listing, with the number of matches over all pages.</summary>
public sealed record SubmissionPage(IReadOnlyList<Submission> Items, long Total);

/// <summary>A submission with the profile of the participant who gave it (empty once they are erased).</summary>
public sealed record ProfiledSubmission(Submission Submission, IReadOnlyDictionary<string, string> Profile);

/// <summary>Aggregate facts about a set of submissions, for an export's metadata.</summary>
public sealed record SubmissionStatistics(
    long Count,
    DateTimeOffset? FirstReceivedAt,
    DateTimeOffset? LastReceivedAt,
    IReadOnlyDictionary<LabelSource, long> ByLabelSource,
    IReadOnlyList<string> ConsentVersions,
    IReadOnlyList<string> ModelVersions,
    long Participants);

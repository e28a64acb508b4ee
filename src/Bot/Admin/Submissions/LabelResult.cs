using CitizenData.Feedback.Submissions;

namespace CitizenData.Bot.Admin.Submissions;

/// <summary>What became of a label: stored, or why not (then nothing was written).</summary>
public abstract record LabelResult
{
    private LabelResult()
    {
    }

    /// <param name="Before">The item as it was, with the label it had (a second review's first label).</param>
    /// <param name="Current">The item as stored now.</param>
    public sealed record Labelled(Submission Before, Submission Current) : LabelResult;

    public sealed record NoSuchSubmission : LabelResult;

    /// <param name="CampaignThemes">The keys the label must be one of.</param>
    public sealed record UnknownTheme(IReadOnlyList<string> CampaignThemes) : LabelResult;

    /// <summary>The item's version is not the one the reviewer saw (or changed during the write).</summary>
    public sealed record ChangedMeanwhile : LabelResult;

    /// <summary>A second review asked of an item no person has labelled.</summary>
    public sealed record NotLabelledYet : LabelResult;
}

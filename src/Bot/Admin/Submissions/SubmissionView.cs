using CitizenData.Feedback.Privacy;
using CitizenData.Feedback.Submissions;

namespace CitizenData.Bot.Admin.Submissions;

/// <summary>A submission as staff see it: the participant only as the installation's pseudonym.</summary>
public sealed record SubmissionView(
    string Id,
    string Participant,
    string CampaignCode,
    DateTimeOffset ReceivedAt,
    string Channel,
    string Source,
    string Language,
    string Text,
    string? Theme,
    double? Confidence,
    IReadOnlyList<ThemeGuess> TopThemes,
    string LabelSource,
    bool NeedsReview,
    string? ModelVersion,
    long Version)
{
    public static SubmissionView From(Submission s, Pseudonyms pseudonyms)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(pseudonyms);
        return new(
            s.Id, pseudonyms.For(s.ParticipantId), s.CampaignCode, s.ReceivedAt, s.Channel, s.Source.ToString().ToLowerInvariant(), s.Language, s.Text,
            s.Theme, s.Confidence, s.TopThemes, s.LabelSource.ToString().ToLowerInvariant(), s.NeedsReview, s.ModelVersion, s.Version);
    }
}

using CitizenData.Feedback.Campaigns;

namespace CitizenData.Feedback.Themes;

/// <summary>When a person has to look at a classification before it counts.</summary>
public static class ThemeReview
{
    /// <summary>
    /// Unclassified, or less confident than the campaign's <see cref="Campaign.ReviewThreshold"/>: the submission is
    /// marked needs-review and the resident is asked to confirm ("I think this is about water — is that right?").
    /// </summary>
    public static bool NeedsReview(this ThemePrediction prediction, Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(campaign);
        return !prediction.IsClassified || prediction.Confidence < campaign.ReviewThreshold;
    }
}

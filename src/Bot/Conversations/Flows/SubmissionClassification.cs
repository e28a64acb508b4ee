using CitizenData.Feedback.Submissions;
using CitizenData.Feedback.Themes;

namespace CitizenData.Bot.Conversations.Flows;

internal static class SubmissionClassification
{
    /// <summary>Applies the model's prediction; below the campaign's review threshold, or unclassified, a human should look.</summary>
    public static Submission Classified(this Submission submission, ThemePrediction prediction, double reviewThreshold) => submission with
    {
        Theme = prediction.Theme,
        Confidence = prediction.IsClassified ? prediction.Confidence : null,
        TopThemes = [.. prediction.Top.Take(3).Select(t => new ThemeGuess(t.Theme, t.Probability))],
        ModelVersion = prediction.ModelVersion,
        LabelSource = prediction.IsClassified ? LabelSource.Model : LabelSource.None,
        NeedsReview = !prediction.IsClassified || prediction.Confidence < reviewThreshold,
    };
}

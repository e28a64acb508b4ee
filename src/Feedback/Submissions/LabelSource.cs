namespace CitizenData.Feedback.Submissions;

/// <summary>Who decided the submission's theme.</summary>
public enum LabelSource
{
    None,
    Model,
    /// <summary>The resident confirmed or corrected the theme.</summary>
    Citizen,
    Reviewer,
}

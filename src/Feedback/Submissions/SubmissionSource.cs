namespace CitizenData.Feedback.Submissions;

public enum SubmissionSource
{
    /// <summary>A resident in a private chat or the web chat.</summary>
    Resident,
    /// <summary>A volunteer recording an offline dialogue.</summary>
    Volunteer,
    /// <summary>A message in a group dialogue.</summary>
    Group,
}

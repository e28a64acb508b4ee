namespace CitizenData.Feedback.Submissions;

/// <summary>
/// The stable pseudo-random share of labelled submissions offered for a second review: a submission is in the sample
/// when a mix of the last three characters of its (random) id falls in the lowest 5 of 100 buckets. Stable, so the
/// same items stay offered until reviewed; adapters compute the same function in their query language.
/// </summary>
public static class ReviewSample
{
    public const int Percent = 5;

    public static int Bucket(string submissionId)
    {
        ArgumentNullException.ThrowIfNull(submissionId);
        long Char(int fromEnd) => submissionId.Length >= fromEnd ? submissionId[^fromEnd] : 0;
        return (int)((Char(1) * 7919 + Char(2) * 104729 + Char(3) * 1299709) % 100);
    }

    public static bool Contains(string submissionId) => Bucket(submissionId) < Percent;
}

namespace CitizenData.Feedback.Submissions;

/// <summary>How often two people label the same submission alike, beyond chance: Cohen's kappa over second reviews.</summary>
public sealed record ReviewerAgreement(int Pairs, double ObservedAgreement, double? Kappa)
{
    /// <summary>
    /// κ = (pₒ − pₑ) / (1 − pₑ), where pₑ sums, over themes, the product of each rater's share of that theme.
    /// Null without pairs; 1 when both raters always used one and the same theme.
    /// </summary>
    public static ReviewerAgreement From(IEnumerable<(string First, string Second)> pairs)
    {
        var list = pairs.ToList();
        if (list.Count == 0)
            return new ReviewerAgreement(0, 0, null);
        double n = list.Count;
        var observed = list.Count(p => p.First == p.Second) / n;
        var firsts = list.GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.Count() / n);
        var seconds = list.GroupBy(p => p.Second).ToDictionary(g => g.Key, g => g.Count() / n);
        var expected = firsts.Sum(f => f.Value * seconds.GetValueOrDefault(f.Key));
        var kappa = expected >= 1 ? 1.0 : (observed - expected) / (1 - expected);
        return new ReviewerAgreement(list.Count, observed, kappa);
    }

    /// <summary>The first label against the second, over second reviews of items that had a label before.</summary>
    public static ReviewerAgreement FromSecondReviews(IEnumerable<ReviewRecord> secondReviews) =>
        From(secondReviews.Where(r => r.SecondReview && r.PreviousTheme is not null).Select(r => (r.PreviousTheme!, r.Theme)));
}

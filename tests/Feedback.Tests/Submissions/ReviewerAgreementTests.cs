using CitizenData.Feedback.Submissions;

namespace CitizenData.Feedback.Tests.Submissions;

public sealed class ReviewerAgreementTests
{
    [Fact]
    public void Kappa_matches_the_textbook_example()
    {
        // 50 items: both say yes 20, both no 15, first yes/second no 5, first no/second yes 10 → κ = 0.4.
        var pairs = Enumerable.Repeat(("yes", "yes"), 20)
            .Concat(Enumerable.Repeat(("no", "no"), 15))
            .Concat(Enumerable.Repeat(("yes", "no"), 5))
            .Concat(Enumerable.Repeat(("no", "yes"), 10));

        var agreement = ReviewerAgreement.From(pairs);

        Assert.Equal(50, agreement.Pairs);
        Assert.Equal(0.7, agreement.ObservedAgreement, 6);
        Assert.Equal(0.4, agreement.Kappa!.Value, 6);
    }

    [Fact]
    public void Without_pairs_there_is_no_kappa_and_one_shared_theme_agrees_fully()
    {
        Assert.Null(ReviewerAgreement.From([]).Kappa);
        Assert.Equal(1, ReviewerAgreement.From([("health", "health"), ("health", "health")]).Kappa);
    }

    [Fact]
    public void Second_reviews_pair_the_first_label_with_the_second_and_ignore_the_rest()
    {
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        ReviewRecord Review(string theme, string? previous, bool second) =>
            new("s_1", "community", "amina", theme, previous, LabelSource.Citizen, second, at);

        var agreement = ReviewerAgreement.FromSecondReviews(
        [
            Review("health", "health", second: true),
            Review("education", "health", second: true),
            Review("health", null, second: true),       // nothing to agree with
            Review("education", "health", second: false), // a first review decides, it is no pair
        ]);

        Assert.Equal(2, agreement.Pairs);
        Assert.Equal(0.5, agreement.ObservedAgreement, 6);
    }

    [Fact]
    public void About_five_percent_of_random_ids_are_in_the_second_review_sample()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => Submission.NewId()).ToList();
        var share = ids.Count(ReviewSample.Contains) / (double)ids.Count;
        Assert.InRange(share, 0.03, 0.07);
    }
}

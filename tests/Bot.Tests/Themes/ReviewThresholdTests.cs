using CitizenData.Bot.Conversations.Flows;
using CitizenData.Feedback.Submissions;
using CitizenData.Feedback.Themes;
using CitizenData.Feedback.Themes.Serving;
using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Bot.Tests.Themes;

/// <summary>The real seed model through the conversation's classification rule: below the campaign's threshold, review.</summary>
public sealed class ReviewThresholdTests
{
    private static readonly ThemeTaxonomy Default = new([.. DefaultTaxonomy.Keys.Select(k => new Theme { Key = k, Names = new Dictionary<string, string> { ["en"] = k } })]);

    private static readonly PooledThemeClassifier Classifier = new(DefaultThemeModel.Get());

    [Fact]
    public void A_prediction_below_the_campaign_threshold_needs_review_and_one_above_does_not()
    {
        var prediction = Classifier.Classify("the road is bad and the school has no water", "community", Default);
        Assert.True(prediction.IsClassified);

        var unsure = Submission().Classified(prediction, reviewThreshold: Math.Min(1, prediction.Confidence + 0.01));
        var sure = Submission().Classified(prediction, reviewThreshold: prediction.Confidence - 0.01);

        Assert.True(unsure.NeedsReview);
        Assert.False(sure.NeedsReview);
        Assert.Equal(prediction.Theme, sure.Theme);
        Assert.Equal(LabelSource.Model, sure.LabelSource);
        Assert.Equal(DefaultThemeModel.Version, sure.ModelVersion);
        Assert.Equal(3, sure.TopThemes.Count);
    }

    [Fact]
    public void A_clear_complaint_passes_the_default_threshold_and_a_vague_one_is_reviewed()
    {
        var clear = Submission().Classified(Classifier.Classify("The clinic has no medicine and no doctor", "community", Default), 0.5);
        var vague = Submission().Classified(Classifier.Classify("!!!", "community", Default), 0.5);
        Assert.Equal("health", clear.Theme);
        Assert.False(clear.NeedsReview);
        Assert.Null(vague.Theme);
        Assert.True(vague.NeedsReview);
    }

    private static Submission Submission() => new()
    {
        Id = CitizenData.Feedback.Submissions.Submission.NewId(),
        ParticipantId = "p_1",
        CampaignCode = "community",
        Channel = "directline",
        Source = SubmissionSource.Resident,
        Language = "en",
        Text = "…",
        ReceivedAt = DateTimeOffset.UnixEpoch,
        ConsentVersion = "1",
    };
}

using CitizenData.Feedback.Themes;
using CitizenData.Feedback.Themes.Evaluation;
using CitizenData.Feedback.Themes.Seeds;
using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Feedback.Tests.Themes;

[Collection(SeedModelTests.Name)]
public sealed class ThemeTrainingTests(SeedModelFixture seed)
{
    private static readonly string[] Probes =
    [
        "the borehole is broken and we have no clean water",
        "Zahanati haina dawa",
        "la police demande de l'argent",
        "स्कूल में शिक्षक नहीं आते",
        "random words about nothing at all",
    ];

    [Fact]
    public void Training_twice_on_the_same_examples_gives_the_same_model()
    {
        var again = DefaultThemeModel.Train();
        Assert.Equal(seed.Model.Version, again.Version);
        Assert.Equal(seed.Model.Themes, again.Themes);
        Assert.Equal(Scores(seed.Model), Scores(again));
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_scores()
    {
        var loaded = ThemeModel.FromBytes(seed.Model.ToBytes(), seed.Model.Version);
        Assert.Equal(seed.Model.Themes, loaded.Themes);
        Assert.Equal(Scores(seed.Model), Scores(loaded));
    }

    [Fact]
    public void The_seed_model_knows_every_default_theme() =>
        Assert.Equal(DefaultTaxonomy.Keys.Order(StringComparer.Ordinal), seed.Model.Themes);

    [Fact]
    public void Cross_validation_is_deterministic_and_pools_every_example()
    {
        var examples = SeedExamples.Labelled().Where((_, i) => i % 4 == 0).ToList();
        var options = ThemeTrainerOptions.Default with { CharNgramLength = 3 };
        var first = ThemeEvaluator.CrossValidate(examples, 3, options);
        var second = ThemeEvaluator.CrossValidate(examples, 3, options);
        Assert.Equal(examples.Count, first.Examples);
        Assert.Equal(3, first.FoldMacroF1.Count);
        Assert.Equal(first.MacroF1, second.MacroF1);
        Assert.Equal(first.Confusion, second.Confusion);
    }

    [Fact]
    public void Evaluation_figures_follow_their_definitions()
    {
        var evaluation = ThemeEvaluation.FromPredictions(["a", "a", "b", "b"], ["a", "b", "b", "c"]);
        Assert.Equal(0.5, evaluation.Accuracy);
        var a = evaluation.PerTheme.Single(q => q.Theme == "a");
        var b = evaluation.PerTheme.Single(q => q.Theme == "b");
        Assert.Equal((1.0, 0.5), (a.Precision, a.Recall));
        Assert.Equal((0.5, 0.5), (b.Precision, b.Recall));
        Assert.Equal((a.F1 + b.F1) / 2, evaluation.MacroF1, 10);
        Assert.Equal(["a", "b", "c"], evaluation.Themes);
        Assert.Equal([0, 1, 1], evaluation.Confusion[1]);
    }

    private static List<float[]> Scores(ThemeModel model) => [.. model.ScoreMany(Probes.Select(TextNormaliser.Normalise))];
}

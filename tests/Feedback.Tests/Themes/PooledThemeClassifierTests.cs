using CitizenData.Feedback.Themes;
using CitizenData.Feedback.Themes.Seeds;
using CitizenData.Feedback.Themes.Serving;
using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Feedback.Tests.Themes;

[Collection(SeedModelTests.Name)]
public sealed class PooledThemeClassifierTests(SeedModelFixture seed)
{
    private static readonly ThemeTaxonomy Default = new([.. DefaultTaxonomy.Keys.Select(k => new Theme { Key = k, Names = new Dictionary<string, string> { ["en"] = k } })]);

    [Theory]
    [InlineData("The borehole in our village is broken, no clean water for two weeks", "water_sanitation")]
    [InlineData("zahanati haina dawa na daktari hayupo", "health")]
    [InlineData("l'école n'a pas assez d'enseignants et les classes sont surchargées", "education")]
    [InlineData("हमारे मोहल्ले में चोरी बहुत बढ़ गई है, रात को डर लगता है", "safety")]
    public void Gives_the_top_three_themes_with_probabilities(string text, string expected)
    {
        var prediction = new PooledThemeClassifier(seed.Model).Classify(text, "community", Default);
        Assert.Equal(expected, prediction.Theme);
        Assert.Equal(3, prediction.Top.Count);
        Assert.Equal(seed.Model.Version, prediction.ModelVersion);
        Assert.True(prediction.Top.Zip(prediction.Top.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
        Assert.InRange(prediction.Top.Sum(t => t.Probability), 0, 1.000001);
    }

    [Fact]
    public void Only_the_campaign_themes_are_offered()
    {
        var taxonomy = new ThemeTaxonomy([Theme("health"), Theme("education"), Theme("not_in_the_model")]);
        var prediction = new PooledThemeClassifier(seed.Model).Classify("no water in the taps", "c1", taxonomy);
        Assert.Equal(2, prediction.Top.Count);
        Assert.All(prediction.Top, t => Assert.Contains(t.Theme, new[] { "health", "education" }));
        Assert.Equal(1, prediction.Top.Sum(t => t.Probability), 6);
        Assert.False(new PooledThemeClassifier(seed.Model).Classify("water", "c2", new ThemeTaxonomy([Theme("unknown")])).IsClassified);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! 123 ???")]
    [InlineData("https://example.org/only-a-link")]
    public void Text_without_words_is_unclassified(string text) =>
        Assert.False(new PooledThemeClassifier(seed.Model).Classify(text, "community", Default).IsClassified);

    [Theory]
    [InlineData("我们村里没有干净的水")]
    [InlineData("በመንደራችን ውስጥ ንጹህ ውሃ የለም")]
    [InlineData("Ní bhfuil uisce glan againn")]
    [InlineData("😡😡😡 🚰")]
    public void Unknown_languages_get_a_valid_answer(string text)
    {
        var prediction = new PooledThemeClassifier(seed.Model).Classify(text, "community", Default);
        Assert.All(prediction.Top, t => Assert.InRange(t.Probability, 0, 1));
        Assert.All(prediction.Top, t => Assert.Contains(t.Theme, DefaultTaxonomy.Keys));
    }

    [Fact]
    public void A_100_KB_text_is_classified_from_its_start()
    {
        var text = "Garbage is not collected and the smoke from burning waste is everywhere. " + new string('x', 100 * 1024);
        var prediction = new PooledThemeClassifier(seed.Model).Classify(text, "community", Default);
        Assert.Equal("environment", prediction.Theme);
    }

    [Fact]
    public void Without_a_model_everything_is_unclassified() =>
        Assert.False(new PooledThemeClassifier().Classify("no water", "community", Default).IsClassified);

    [Fact]
    public async Task Swapping_models_under_concurrent_predictions_drops_none()
    {
        var other = ThemeTrainer.Train(SeedExamples.Labelled().Where((_, i) => i % 3 != 0).ToList(), "other", ThemeTrainerOptions.Default with { CharNgramLength = 3 });
        var classifier = new PooledThemeClassifier(seed.Model);
        using var stop = new CancellationTokenSource();
        var versions = new System.Collections.Concurrent.ConcurrentBag<string?>();
        var predictors = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var count = 0;
            while (!stop.IsCancellationRequested || count < 50)
            {
                var prediction = classifier.Classify("the clinic has no medicine", "community", Default);
                Assert.True(prediction.IsClassified);
                versions.Add(prediction.ModelVersion);
                count++;
            }
            return count;
        })).ToList();
        for (var i = 0; i < 200; i++)
        {
            classifier.Swap(i % 2 == 0 ? other : seed.Model);
            await Task.Yield();
        }
        classifier.Swap(other);
        await stop.CancelAsync();
        var counts = await Task.WhenAll(predictors);
        Assert.All(counts, c => Assert.True(c >= 50));
        Assert.Equal(counts.Sum(), versions.Count);
        Assert.Subset(new HashSet<string?> { seed.Model.Version, "other" }, versions.ToHashSet());
        Assert.Equal("other", classifier.Classify("no medicine", "community", Default).ModelVersion);
    }

    private static Theme Theme(string key) => new() { Key = key, Names = new Dictionary<string, string> { ["en"] = key } };
}

using CitizenData.Feedback.Themes;
using CitizenData.Feedback.Themes.Seeds;

namespace CitizenData.Feedback.Tests.Themes;

public sealed class SeedExamplesTests
{
    private static readonly string[] OtherLanguages = ["sw", "fr", "es", "hi", "ne"];

    [Fact]
    public void Every_default_theme_has_at_least_60_examples_and_15_in_other_languages()
    {
        foreach (var theme in DefaultTaxonomy.Keys)
        {
            var examples = SeedExamples.Examples.Where(e => e.Theme == theme).ToList();
            Assert.True(examples.Count >= 60, $"{theme}: {examples.Count} examples");
            var otherLanguages = examples.Where(e => OtherLanguages.Contains(e.Language.Split('-')[0])).ToList();
            Assert.True(otherLanguages.Count >= 15, $"{theme}: {otherLanguages.Count} examples not in English");
            Assert.All(OtherLanguages, language => Assert.Contains(otherLanguages, e => e.Language.StartsWith(language, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Seeds_only_name_default_themes()
    {
        Assert.All(SeedExamples.Examples, e => Assert.Contains(e.Theme, DefaultTaxonomy.Keys));
        Assert.Equal(SeedExamples.Examples.Count, SeedExamples.Examples.Select(e => e.Text).Distinct().Count());
    }
}

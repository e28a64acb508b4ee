using CitizenData.Feedback.Themes;

namespace CitizenData.Feedback.Tests.Themes;

public sealed class LabelledTextFileTests
{
    private static IReadOnlyList<LabelledText> Read(string content) =>
        LabelledTextFile.Read(new StringReader(content), DefaultTaxonomy.Keys, "test.tsv");

    [Fact]
    public void Reads_text_and_theme_and_skips_blank_lines() =>
        Assert.Equal(
            [new LabelledText("no water", "water_sanitation"), new LabelledText("thanks", "other")],
            Read("no water\twater_sanitation\n\nthanks\tother\n"));

    [Theory]
    [InlineData("ok\tother\nno tab here\n", "test.tsv line 2: expected 'text<TAB>theme'")]
    [InlineData("ok\tother\nok\tother\nhungry\tfood\n", "test.tsv line 3: unknown theme 'food'")]
    [InlineData("\twater_sanitation\n", "test.tsv line 1: the text is empty")]
    [InlineData("no water\t\n", "test.tsv line 1: the theme is missing")]
    [InlineData("\n\n", "test.tsv: no examples")]
    public void Bad_lines_are_named(string content, string message)
    {
        var error = Assert.Throws<ThemeDataException>(() => Read(content));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}

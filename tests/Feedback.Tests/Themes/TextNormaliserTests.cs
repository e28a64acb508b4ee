using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Feedback.Tests.Themes;

public sealed class TextNormaliserTests
{
    [Theory]
    [InlineData("The BOREHOLE is broken!!!", "the borehole is broken")]
    [InlineData("see https://example.org/x?y=1 and www.test.com now", "see and now")]
    [InlineData("call 0712 345 678 or mail a.b@example.com @chief", "call or mail")]
    [InlineData("Santé, éducation — niño", "sante education nino")]
    [InlineData("  \t\n ", "")]
    [InlineData("🙏🙏 maji hakuna 😡", "maji hakuna")]
    public void Normalises_to_lower_case_words(string text, string expected) =>
        Assert.Equal(expected, TextNormaliser.Normalise(text));

    [Fact]
    public void Keeps_Devanagari_vowel_signs()
    {
        // "पानी नहीं" (water not): the vowel signs are combining marks and part of the words.
        Assert.Equal("पानी नहीं", TextNormaliser.Normalise("पानी नहीं!! १२३"));
    }

    [Fact]
    public void Reads_only_the_start_of_a_huge_text()
    {
        var huge = string.Concat(Enumerable.Repeat("water ", 20_000));
        Assert.True(TextNormaliser.Normalise(huge).Length <= TextNormaliser.MaxCharacters);
    }
}

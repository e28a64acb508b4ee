using CitizenData.Feedback.Privacy;
using CitizenData.Feedback.Summaries;
using CsCheck;

namespace CitizenData.Feedback.Tests.Privacy;

/// <summary>Quotes never carry a planted phone number, email address, handle, ID number or link.</summary>
public sealed class QuoteScrubbingTests
{
    private static readonly string[] Words = ["the", "borehole", "is", "broken", "maji", "hakuna", "पानी", "नहीं", "road", "floods", "clinic", "closed", "since", "weeks", "please", "help", "our", "school", "roof", "leaks"];

    private static Gen<string> Pii => Gen.OneOf(
        Gen.Int[100_000_000, 999_999_999].Select(n => $"07{n}"),
        Gen.Int[10_000_000, 99_999_999].Select(n => $"+254 7{n / 1000000} {n / 1000 % 1000:000} {n % 1000:000}"),
        Gen.Int[1000, 9999].Select(n => $"(0{n % 100}) {n}-{n + 1111}"),
        Gen.String[Gen.Char['a', 'z'], 3, 10].Select(s => $"{s}.{s[0]}@gmail.com"),
        Gen.String[Gen.Char['a', 'z'], 3, 10].Select(s => $"{s} (at) mail.co.ke"),
        Gen.String[Gen.Char['a', 'z'], 4, 12].Select(s => $"@{s}_ke"),
        Gen.String[Gen.Char['a', 'z'], 3, 10].Select(s => $"https://{s}.example.org/x?id=1"),
        Gen.String[Gen.Char['a', 'z'], 3, 10].Select(s => $"www.{s}.com"),
        Gen.String[Gen.Char['a', 'z'], 3, 10].Select(s => $"t.me/{s}"),
        Gen.Int[10_000_000, 99_999_999].Select(n => $"ID {n}"),
        Gen.Int[1_000_000, 9_999_999].Select(n => $"A{n}"),
        Gen.Int[100_000, 999_999].Select(n => $"९८४१{n % 10000:0000}".Replace("0", "०", StringComparison.Ordinal)));

    private static Gen<(string Text, string Planted)> Planted =>
        from before in Gen.Int[0, Words.Length - 1].Select(i => Words[i]).Array[2, 8]
        from pii in Pii
        from after in Gen.Int[0, Words.Length - 1].Select(i => Words[i]).Array[2, 8]
        select ($"{string.Join(' ', before)} {pii} {string.Join(' ', after)}", pii);

    [Fact]
    public void Scrubbing_removes_every_planted_identifier() =>
        Planted.Sample(sample =>
        {
            var scrubbed = PiiScrubber.Scrub(sample.Text);
            Assert.DoesNotContain(sample.Planted, scrubbed, StringComparison.Ordinal);
            AssertNoIdentifierLeft(scrubbed, sample.Planted);
        }, iter: 2000);

    [Fact]
    public void Quotes_never_contain_planted_identifiers() =>
        Planted.List[5, 30].Sample(samples =>
        {
            var candidates = samples.Select((s, i) => new QuoteCandidate($"s{i}", "water_sanitation", s.Text)).ToList();
            var quotes = QuoteSelector.Select(candidates, new HashSet<string> { "water_sanitation" }, 2);
            foreach (var quote in quotes)
                foreach (var (_, planted) in samples)
                    AssertNoIdentifierLeft(quote.Text, planted);
        }, iter: 300);

    [Theory]
    [InlineData("Call me on 0722 000 111 about the borehole", "0722")]
    [InlineData("write to wanjiru.k@gmail.com please", "gmail")]
    [InlineData("my ID number is 23456789 and they refused me", "23456789")]
    [InlineData("see http://bit.ly/abc for photos", "bit.ly")]
    [InlineData("ask @ward_rep_kibera on twitter", "ward_rep")]
    [InlineData("passport A1234567 was taken", "A1234567")]
    public void Known_identifiers_are_scrubbed(string text, string leak)
    {
        var scrubbed = PiiScrubber.Scrub(text);
        Assert.DoesNotContain(leak, scrubbed, StringComparison.Ordinal);
        Assert.Contains(PiiScrubber.Placeholder, scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_words_and_small_numbers_stay()
    {
        const string text = "The borehole has been broken for 3 weeks and 40 families share one tap";
        Assert.Equal(text, PiiScrubber.Scrub(text));
    }

    [Fact]
    public void Quotes_come_only_from_the_themes_asked_for_and_are_typical()
    {
        QuoteCandidate[] candidates =
        [
            new("1", "water_sanitation", "The borehole is broken and there is no water"),
            new("2", "water_sanitation", "No water since the borehole broke last month"),
            new("3", "water_sanitation", "My cousin sells mangoes near the market on Sundays"),
            new("4", "health", "The clinic has no nurse on weekends"),
        ];

        var quotes = QuoteSelector.Select(candidates, new HashSet<string> { "water_sanitation" }, 1);

        var quote = Assert.Single(quotes);
        Assert.Contains("borehole", quote.Text, StringComparison.Ordinal);
    }

    private static void AssertNoIdentifierLeft(string text, string planted)
    {
        // Whatever the format, the digits of a planted number must not survive as a run of 5 or more.
        var digits = new string([.. planted.Where(char.IsDigit)]);
        if (digits.Length >= 5)
            Assert.DoesNotContain(digits, new string([.. text.Where(char.IsDigit)]), StringComparison.Ordinal);
        Assert.DoesNotContain(planted, text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", text.Replace(PiiScrubber.Placeholder, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("http", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("www.", text, StringComparison.OrdinalIgnoreCase);
    }
}

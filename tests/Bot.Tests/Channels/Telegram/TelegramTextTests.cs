using System.Text;
using CitizenData.Bot.Channels.Telegram;
using Telegram.Bot.Types.Enums;

namespace CitizenData.Bot.Tests.Channels.Telegram;

public sealed class TelegramTextTests
{
    [Fact]
    public void BoldAndItalicBecomeEntitiesAndTheMarkersDisappear()
    {
        var text = TelegramText.FromMarkdown("Now tell me:\n*What matters?*\n_So we can act._");
        Assert.Equal("Now tell me:\nWhat matters?\nSo we can act.", text.Text);
        Assert.Equal([new TextSpan(13, 13, MessageEntityType.Bold), new TextSpan(27, 14, MessageEntityType.Italic)], text.Spans);
    }

    [Theory]
    [InlineData("my_email_address is here")]
    [InlineData("2*3*4 = 24")]
    [InlineData("a * b * c")]
    [InlineData("*unclosed bold")]
    [InlineData("**")]
    [InlineData("*spans\ntwo lines*")]
    public void WhatIsNotClearlyFormattingStaysAsTyped(string typed)
    {
        var text = TelegramText.FromMarkdown(typed);
        Assert.Equal(typed, text.Text);
        Assert.Empty(text.Spans);
    }

    [Fact]
    public void ShortTextIsOneMessage()
    {
        var parts = TelegramTextSplitter.Split(TelegramText.FromMarkdown("Hello *there*."));
        Assert.Equal("Hello there.", Assert.Single(parts).Text);
    }

    [Fact]
    public void NineThousandCharactersArriveAsThreeMessagesCutBetweenParagraphs()
    {
        var paragraphs = Enumerable.Range(1, 9).Select(Paragraph).ToList();
        var markdown = string.Join("\n\n", paragraphs);
        Assert.InRange(markdown.Length, 9000, 9100);

        var parts = TelegramTextSplitter.Split(TelegramText.FromMarkdown(markdown));

        Assert.Equal(3, parts.Count);
        Assert.All(parts, part => Assert.InRange(part.Text.Length, 1, 4096));
        Assert.All(parts, part => Assert.StartsWith("Paragraph", part.Text, StringComparison.Ordinal));
        Assert.All(parts, part => Assert.EndsWith(".", part.Text, StringComparison.Ordinal));
        Assert.Equal(Normalise(markdown), Normalise(string.Join(" ", parts.Select(p => p.Text))));
    }

    [Fact]
    public void WithoutParagraphsTheCutFallsAfterASentenceNeverInsideAWord()
    {
        var sentence = "The water point in our village has been dry since the rains failed. ";
        var markdown = string.Concat(Enumerable.Repeat(sentence, 130)).TrimEnd();
        var parts = TelegramTextSplitter.Split(TelegramText.FromMarkdown(markdown));
        Assert.Equal(3, parts.Count);
        Assert.All(parts, part => Assert.EndsWith("failed.", part.Text, StringComparison.Ordinal));
        Assert.Equal(markdown, string.Join(" ", parts.Select(p => p.Text)));
    }

    [Fact]
    public void AFormattedSpanIsNeverCut()
    {
        var before = new string('a', 4000) + " ";
        var bold = "*" + string.Join(" ", Enumerable.Repeat("bold", 40)) + "*";
        var parts = TelegramTextSplitter.Split(TelegramText.FromMarkdown(before + bold + " tail"));
        Assert.Equal(2, parts.Count);
        var span = Assert.Single(parts[1].Spans);
        Assert.Equal((0, 199), (span.Start, span.Length));
        Assert.Empty(parts[0].Spans);
    }

    [Fact]
    public void AWordLongerThanAMessageIsCutButNotBetweenSurrogates()
    {
        var emoji = string.Concat(Enumerable.Repeat("🌍", 3000)); // 6,000 UTF-16 units, no spaces
        var parts = TelegramTextSplitter.Split(TelegramText.FromMarkdown(emoji));
        Assert.Equal(2, parts.Count);
        Assert.All(parts, part => Assert.False(char.IsLowSurrogate(part.Text[0])));
        Assert.All(parts, part => Assert.False(char.IsHighSurrogate(part.Text[^1])));
        Assert.Equal(emoji, string.Concat(parts.Select(p => p.Text)));
    }

    [Fact]
    public void DevanagariSentencesEndAtTheDanda()
    {
        var sentence = "हमारे गाँव में पानी की समस्या है। ";
        var markdown = string.Concat(Enumerable.Repeat(sentence, 200)).TrimEnd();
        var parts = TelegramTextSplitter.Split(TelegramText.FromMarkdown(markdown));
        Assert.True(parts.Count >= 2);
        Assert.All(parts, part => Assert.EndsWith("है।", part.Text, StringComparison.Ordinal));
    }

    private static string Paragraph(int n)
    {
        var text = new StringBuilder($"Paragraph {n}: *what people said*. ");
        while (text.Length < 990)
            text.Append("Residents asked for clean water and a working clinic. ");
        return text.ToString().TrimEnd();
    }

    private static string Normalise(string text) => string.Join(" ", text.Replace("*", string.Empty, StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

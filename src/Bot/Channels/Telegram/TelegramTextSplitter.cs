namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// Cuts a text longer than Telegram's limit into messages, at the best boundary that fits: a paragraph, a line, a
/// sentence, a word; never inside a word or a formatted span, and never between the two halves of a surrogate pair.
/// Only a single word or span longer than a whole message is cut where it must be, its formatting carried to both sides.
/// </summary>
public static class TelegramTextSplitter
{
    /// <summary>sendMessage takes 1–4,096 characters after entity parsing.</summary>
    public const int MaxMessageLength = 4096;

    private static readonly char[] SentenceEnds = ['.', '!', '?', '…', '।', '॥', '。', '؟'];
    private static readonly char[] Closers = ['"', '\'', '”', '’', ')', '»', ']'];

    public static IReadOnlyList<TelegramText> Split(TelegramText message, int maxLength = MaxMessageLength)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var text = message.Text;
        var parts = new List<TelegramText>();
        var start = SkipWhiteSpace(text, 0);
        while (text.Length - start > maxLength)
        {
            var cut = ChooseCut(message, start, maxLength);
            var end = cut;
            while (end > start && char.IsWhiteSpace(text[end - 1]))
                end--;
            if (end > start)
                parts.Add(Slice(message, start, end));
            start = SkipWhiteSpace(text, cut);
        }
        var last = text.Length;
        while (last > start && char.IsWhiteSpace(text[last - 1]))
            last--;
        if (last > start)
            parts.Add(Slice(message, start, last));
        return parts;
    }

    private static int ChooseCut(TelegramText message, int start, int maxLength)
    {
        var text = message.Text;
        var limit = start + maxLength;
        // A boundary this far in keeps messages reasonably full; a paragraph break in the first lines is not worth it.
        var halfway = start + (maxLength / 2);
        Func<int, bool>[] kinds =
        [
            c => text[c - 1] == '\n' && c >= 2 && text[c - 2] == '\n',
            c => text[c - 1] == '\n',
            c => char.IsWhiteSpace(text[c - 1]) && EndsSentence(text, c - 1),
        ];
        foreach (var isBoundary in kinds)
        {
            for (var c = limit; c > halfway; c--)
            {
                if (isBoundary(c) && !InsideSpan(message, c))
                    return c;
            }
        }
        for (var c = limit; c > start + 1; c--)
        {
            if (char.IsWhiteSpace(text[c - 1]) && !InsideSpan(message, c))
                return c;
        }
        // One word or one span longer than a message: cut it, but not through a surrogate pair.
        return char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }

    /// <summary>Whether the text before the white space at <paramref name="space"/> ends a sentence ("word. ", "word.” ").</summary>
    private static bool EndsSentence(string text, int space)
    {
        var i = space - 1;
        while (i >= 0 && Array.IndexOf(Closers, text[i]) >= 0)
            i--;
        return i >= 0 && Array.IndexOf(SentenceEnds, text[i]) >= 0;
    }

    private static bool InsideSpan(TelegramText message, int cut) =>
        message.Spans.Any(span => span.Start < cut && cut < span.End);

    private static TelegramText Slice(TelegramText message, int start, int end)
    {
        var spans = message.Spans
            .Where(span => span.Start < end && span.End > start)
            .Select(span =>
            {
                var from = Math.Max(span.Start, start);
                var to = Math.Min(span.End, end);
                return span with { Start = from - start, Length = to - from };
            })
            .Where(span => span.Length > 0)
            .ToList();
        return new TelegramText(message.Text[start..end], spans);
    }

    private static int SkipWhiteSpace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
            index++;
        return index;
    }
}

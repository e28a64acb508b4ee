using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// A message as Telegram takes it without a parse mode: plain text plus entities (offsets and lengths in UTF-16 code
/// units, as Telegram counts). Sending entities instead of Markdown means a resident's own "*" or "_" can never make
/// Telegram reject a message with "can't parse entities".
/// </summary>
public sealed record TelegramText(string Text, IReadOnlyList<TextSpan> Spans)
{
    /// <summary>
    /// Reads the bot's Markdown subset: <c>*bold*</c> and <c>_italic_</c> on one line, opened before a non-space and
    /// closed after one, not inside a word (so "snake_case" and "2*3*4" stay as typed). Anything else is literal.
    /// </summary>
    public static TelegramText FromMarkdown(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
            return new TelegramText(string.Empty, []);
        var text = new System.Text.StringBuilder(markdown.Length);
        var spans = new List<TextSpan>();
        var i = 0;
        while (i < markdown.Length)
        {
            var c = markdown[i];
            if ((c == '*' || c == '_') && TryFindClose(markdown, i) is { } close)
            {
                var start = text.Length;
                text.Append(markdown, i + 1, close - i - 1);
                spans.Add(new TextSpan(start, close - i - 1, c == '*' ? MessageEntityType.Bold : MessageEntityType.Italic));
                i = close + 1;
                continue;
            }
            text.Append(c);
            i++;
        }
        return new TelegramText(text.ToString(), spans);
    }

    public IEnumerable<MessageEntity> Entities() =>
        Spans.Select(span => new MessageEntity { Type = span.Type, Offset = span.Start, Length = span.Length });

    private static int? TryFindClose(string s, int open)
    {
        var marker = s[open];
        var opensAtBoundary = open == 0 || !char.IsLetterOrDigit(s[open - 1]);
        if (!opensAtBoundary || open + 1 >= s.Length || char.IsWhiteSpace(s[open + 1]) || s[open + 1] == marker)
            return null;
        for (var j = open + 2; j < s.Length; j++)
        {
            if (s[j] == '\n')
                return null;
            if (s[j] != marker || char.IsWhiteSpace(s[j - 1]))
                continue;
            var closesAtBoundary = j + 1 == s.Length || !char.IsLetterOrDigit(s[j + 1]);
            if (closesAtBoundary)
                return j;
        }
        return null;
    }
}

/// <summary>A formatted stretch of text: [Start, Start + Length).</summary>
public readonly record struct TextSpan(int Start, int Length, MessageEntityType Type)
{
    public int End => Start + Length;
}

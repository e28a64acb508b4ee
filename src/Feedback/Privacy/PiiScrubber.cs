using System.Text.RegularExpressions;

namespace CitizenData.Feedback.Privacy;

/// <summary>
/// Removes what could identify or reach a person from a text before it is quoted: links, email addresses, handles,
/// phone numbers and ID numbers. Deliberately greedy: a long number that is not a phone number is dropped too, because
/// a quote loses little without it and a leaked ID number cannot be taken back.
/// </summary>
public static partial class PiiScrubber
{
    public const string Placeholder = "[…]";

    /// <summary>The text with every match replaced by <see cref="Placeholder"/>, and runs of placeholders merged.</summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scrubbed = text;
        // Order matters: an email contains a domain, and links and emails contain what the later patterns would half-match.
        scrubbed = Email().Replace(scrubbed, Placeholder);
        scrubbed = Link().Replace(scrubbed, Placeholder);
        scrubbed = Handle().Replace(scrubbed, Placeholder);
        scrubbed = LongDigitRun().Replace(scrubbed, Placeholder);
        scrubbed = MixedId().Replace(scrubbed, Placeholder);
        scrubbed = RepeatedPlaceholders().Replace(scrubbed, Placeholder);
        return scrubbed.Trim();
    }

    /// <summary>True when scrubbing would change the text.</summary>
    public static bool ContainsPii(string text) => !string.Equals(Scrub(text), text.Trim(), StringComparison.Ordinal);

    // http(s)://…, www.…, t.me/…, and bare domains with a path or a common top-level domain.
    [GeneratedRegex(@"(?i)\b(?:https?://|www\.)\S+|\b(?:t\.me|wa\.me|bit\.ly|fb\.me)/\S*|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|io|me|ly|co|ke|in|np|tz|ug|gov|edu)(?:/\S*)?\b")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?i)[a-z0-9._%+-]+\s*(?:@|\(at\)|\[at\])\s*[a-z0-9-]+(?:\.[a-z0-9-]+)+")]
    private static partial Regex Email();

    // @name on Telegram, X, Instagram: at least 3 characters after the @.
    [GeneratedRegex(@"(?<![\w@])@[A-Za-z0-9_.]{3,}")]
    private static partial Regex Handle();

    // Phone numbers and numeric IDs: 6 or more digits, possibly split by spaces, dots, dashes, slashes or brackets,
    // with an optional leading +. Any script's digits count (Devanagari ०-९ too).
    [GeneratedRegex(@"\+?\(?\d(?:[\s().\-/]{0,2}\d){5,}")]
    private static partial Regex LongDigitRun();

    // Passport / national ID style tokens: letters and at least 4 digits mixed in one word (A1234567, 12345678X).
    [GeneratedRegex(@"\b(?=\w*\d{4})(?=\w*[A-Za-z])[A-Za-z0-9]{6,}\b")]
    private static partial Regex MixedId();

    [GeneratedRegex(@"\[…\](?:[\s,;:.\-]*\[…\])+")]
    private static partial Regex RepeatedPlaceholders();
}

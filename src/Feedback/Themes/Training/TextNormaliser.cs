using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CitizenData.Feedback.Themes.Training;

/// <summary>
/// Puts text in the one shape the model is trained and served on: lower case, no links, handles, numbers or punctuation,
/// Latin accents folded (residents type "sante" as often as "santé") while Devanagari vowel signs, which carry meaning,
/// are kept.
/// </summary>
public static partial class TextNormaliser
{
    /// <summary>Only the start of a long text is read: a theme shows early, and a 100 KB paste must not stall a turn.</summary>
    public const int MaxCharacters = 2_000;

    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;
        if (text.Length > MaxCharacters)
            text = text[..(char.IsHighSurrogate(text[MaxCharacters - 1]) ? MaxCharacters - 1 : MaxCharacters)];
        // The regex and the Unicode decomposition are most of the cost of a short message: skip them when they cannot apply.
        if (text.Contains('@', StringComparison.Ordinal) || text.Contains("://", StringComparison.Ordinal) || text.Contains("www.", StringComparison.OrdinalIgnoreCase))
            text = Noise().Replace(text, " ");
        var ascii = System.Text.Ascii.IsValid(text);
        var decomposed = ascii ? text : text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        var previousBaseIsLatin = false;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // Accents on Latin letters are dropped; marks of other scripts (Devanagari matras, virama) are part of the word.
                if (!previousBaseIsLatin && builder.Length > 0 && !pendingSpace)
                    builder.Append(rune.ToString());
                continue;
            }
            if (Rune.IsLetter(rune))
            {
                if (pendingSpace && builder.Length > 0)
                    builder.Append(' ');
                pendingSpace = false;
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
                previousBaseIsLatin = rune.Value < 0x0250;
                continue;
            }
            // Digits, punctuation, symbols, emoji and spaces all separate words.
            pendingSpace = true;
            previousBaseIsLatin = false;
        }
        return ascii ? builder.ToString() : builder.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"(?:https?://|www\.)\S+|\S+@\S+\.\S+|@\w+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Noise();
}

using SkiaSharp;

namespace CitizenData.Feedback.Summaries.Rendering;

/// <summary>
/// Picks a font file that has glyphs for the text's script. Devanagari needs Noto Sans Devanagari (Debian
/// fonts-noto-core) or Lohit Devanagari (fonts-lohit-deva); without one, Hindi and Nepali render as boxes, so a
/// deployment must install one (see docs/loop.md). Latin text uses a sans-serif font the system has.
/// </summary>
public static class ChartFonts
{
    private static readonly string[] DevanagariFiles =
    [
        "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
        "/usr/share/fonts/opentype/noto/NotoSansDevanagari-Regular.ttf",
        "/usr/share/fonts/truetype/lohit-devanagari/Lohit-Devanagari.ttf",
    ];

    private static readonly string[] LatinFiles =
    [
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ];

    private static readonly Lazy<SKTypeface?> DevanagariFace = new(() => Load(DevanagariFiles));
    private static readonly Lazy<SKTypeface> LatinFace = new(() => Load(LatinFiles) ?? SKTypeface.Default);

    /// <summary>True when a Devanagari font is installed, so Hindi and Nepali charts are readable.</summary>
    public static bool HasDevanagari => DevanagariFace.Value is not null;

    public static SKTypeface Typeface(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Any(IsDevanagari) && DevanagariFace.Value is { } devanagari)
            return devanagari;
        return LatinFace.Value;
    }

    public static bool IsDevanagari(char c) => c is >= '\u0900' and <= '\u097F';

    private static SKTypeface? Load(IEnumerable<string> files) =>
        files.Where(File.Exists).Select(SKTypeface.FromFile).FirstOrDefault(face => face is not null);
}

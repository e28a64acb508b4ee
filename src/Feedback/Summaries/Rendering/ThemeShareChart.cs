using ScottPlot;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace CitizenData.Feedback.Summaries.Rendering;

/// <summary>One bar of the chart: a theme's localised name and its share of participants (0–1).</summary>
public sealed record ChartBar(string Label, double Share);

/// <summary>
/// A horizontal bar chart of theme shares, drawn server-side as a PNG. ScottPlot lays out and draws the bars; the
/// words are drawn with HarfBuzz shaping, because Devanagari (Hindi, Nepali) needs its vowel signs reordered and its
/// conjuncts formed, which plain glyph drawing gets wrong. The Devanagari font comes from Debian's fonts-noto-core.
/// </summary>
public static class ThemeShareChart
{
    public const int Width = 800;
    private const float LabelSize = 17;
    private const float TitleSize = 21;
    private const float NoteSize = 13;
    private const int RowHeight = 46;

    public static byte[] RenderPng(string title, IReadOnlyList<ChartBar> bars, string? footnote = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(bars);
        var typeface = ChartFonts.Typeface(title + string.Concat(bars.Select(b => b.Label)) + footnote);
        using var labelFont = new SKFont(typeface, LabelSize);
        using var titleFont = new SKFont(typeface, TitleSize);
        using var noteFont = new SKFont(typeface, NoteSize);
        using var shaper = new SKShaper(typeface);

        var rows = Math.Max(1, bars.Count);
        var labelWidth = (int)Math.Min(Width * 0.45, bars.Select(b => Measure(shaper, labelFont, b.Label)).DefaultIfEmpty(0).Max() + 24);
        const int top = 64;
        var bottom = footnote is null ? 20 : 48;
        var height = top + bottom + RowHeight * rows;

        using var plot = new Plot();
        var ordered = bars.Reverse().ToList(); // largest on top
        var plotted = ordered.Select((bar, i) => new Bar
        {
            Position = i,
            Value = Math.Round(bar.Share * 100, 0),
            FillColor = Color.FromHex("#2B7A78"),
            LineWidth = 0,
            Size = 0.7,
        }).ToList();
        var barPlot = plot.Add.Bars(plotted);
        barPlot.Horizontal = true;
        var maxValue = plotted.Count == 0 ? 10 : Math.Max(10, plotted.Max(b => b.Value));
        plot.Axes.SetLimitsX(0, maxValue * 1.18);
        plot.Axes.SetLimitsY(-0.5, rows - 0.5);
        plot.Axes.Frameless();
        plot.Grid.IsVisible = false;
        plot.Layout.Fixed(new PixelPadding(labelWidth, 16, bottom, top));

        using var surface = SKSurface.Create(new SKImageInfo(Width, height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        plot.Render(canvas, Width, height);

        using var ink = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
        canvas.DrawShapedText(shaper, title, Width / 2f, 38, SKTextAlign.Center, titleFont, ink);
        for (var i = 0; i < ordered.Count; i++)
        {
            var y = plot.GetPixel(new Coordinates(0, i)).Y + LabelSize / 3;
            var end = plot.GetPixel(new Coordinates(plotted[i].Value, i)).X;
            canvas.DrawShapedText(shaper, ordered[i].Label, labelWidth - 10, y, SKTextAlign.Right, labelFont, ink);
            canvas.DrawShapedText(shaper, $"{plotted[i].Value:0}%", end + 6, y, SKTextAlign.Left, labelFont, ink);
        }
        if (footnote is not null)
            canvas.DrawShapedText(shaper, footnote, Width / 2f, height - 18, SKTextAlign.Center, noteFont, grey);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static float Measure(SKShaper shaper, SKFont font, string text) => shaper.Shape(text, font).Width;
}

using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace CitizenData.Bot.Admin.Dashboard.Charts;

/// <summary>One day or week of the chart: its axis label, its counts, and what hovering over it says.</summary>
public sealed record ActivityPoint(string Label, int Inputs, int Participants, string Tooltip);

/// <summary>
/// Inputs (bars) and distinct participants (a line with dots) per day or week, on one scale (a bucket never has more
/// participants than inputs). Two shapes as well as two colours, so the series are told apart without colour. The
/// bars and the line are drawn in a plot stretched to the width (one unit per bucket), the words outside it.
/// </summary>
public static class ActivityChart
{
    public const string InputsColour = "#3d7ebf";
    public const string ParticipantsColour = SvgChart.Ink;
    private const double Height = 220;
    private const double Top = 12;
    private const double Bottom = 26;
    /// <summary>The share of the width left of the plot, for the scale's numbers.</summary>
    private const double AxisShare = 10;
    private const int MaxAxisLabels = 5;
    /// <summary>More buckets than this and dots would touch: the line alone shows them.</summary>
    private const int MaxDots = 62;

    public static IHtmlContent Render(string id, IReadOnlyList<ActivityPoint> points, string title, string description, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(points);
        var plotHeight = Height - Top - Bottom;
        var top = NiceCeiling(points.Select(p => p.Inputs).DefaultIfEmpty(0).Max());
        var count = Math.Max(1, points.Count);
        double Y(int value) => Top + (plotHeight * (top - value) / top);
        double Across(double bucket) => AxisShare + ((100 - AxisShare) * bucket / count);

        var content = new List<XElement>();
        foreach (var tick in Ticks(top))
        {
            content.Add(SvgChart.HorizontalLine(SvgChart.Percent(AxisShare), "100%", Y(tick), SvgChart.Grid));
            content.Add(SvgChart.Text(SvgChart.Percent(AxisShare - 1.5), Y(tick) + 4, tick.ToString("N0", culture), "end", SvgChart.Muted));
        }
        content.Add(Plot(points, top, plotHeight));
        var every = Math.Max(1, (int)Math.Ceiling(points.Count / (double)MaxAxisLabels));
        for (var i = 0; i < points.Count; i += every)
        {
            // The last label would run off the right edge if centred under its bar.
            var nearEnd = Across(i + 0.5) > 90;
            content.Add(SvgChart.Text(nearEnd ? "100%" : SvgChart.Percent(Across(i + 0.5)), Height - 8, points[i].Label, nearEnd ? "end" : "middle", SvgChart.Muted));
        }
        return SvgChart.ToHtml(SvgChart.Image(id, Height, title, description, content));
    }

    /// <summary>
    /// The bars and the line in a nested SVG whose units are buckets across and counts up, stretched to fit
    /// (preserveAspectRatio none); strokes keep their width in pixels while stretched (non-scaling-stroke), and the
    /// dots are round-capped strokes of no length, so they stay round.
    /// </summary>
    private static XElement Plot(IReadOnlyList<ActivityPoint> points, int top, double plotHeight)
    {
        string At(int i) => SvgChart.Number(i + 0.5);
        var plot = new XElement(
            "svg",
            new XAttribute("x", SvgChart.Percent(AxisShare)),
            new XAttribute("y", SvgChart.Number(Top)),
            new XAttribute("width", SvgChart.Percent(100 - AxisShare)),
            new XAttribute("height", SvgChart.Number(plotHeight)),
            new XAttribute("viewBox", $"0 0 {Math.Max(1, points.Count)} {top}"),
            new XAttribute("preserveAspectRatio", "none"),
            new XAttribute("overflow", "visible"));
        for (var i = 0; i < points.Count; i++)
            plot.Add(SvgChart.Rect(SvgChart.Number(i + 0.15), top - points[i].Inputs, "0.7", points[i].Inputs, InputsColour, points[i].Tooltip));
        if (points.Count == 0)
            return plot;
        plot.Add(new XElement(
            "polyline",
            new XAttribute("points", string.Join(' ', points.Select((p, i) => $"{At(i)},{top - p.Participants}"))),
            new XAttribute("fill", "none"),
            new XAttribute("stroke", ParticipantsColour),
            new XAttribute("stroke-width", "2"),
            new XAttribute("stroke-linejoin", "round"),
            new XAttribute("vector-effect", "non-scaling-stroke")));
        if (points.Count <= MaxDots)
            plot.Add(points.Select((p, i) => new XElement(
                "line",
                new XAttribute("x1", At(i)),
                new XAttribute("x2", At(i)),
                new XAttribute("y1", top - p.Participants),
                new XAttribute("y2", top - p.Participants),
                new XAttribute("stroke", ParticipantsColour),
                new XAttribute("stroke-width", "7"),
                new XAttribute("stroke-linecap", "round"),
                new XAttribute("vector-effect", "non-scaling-stroke"))));
        return plot;
    }

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above <paramref name="max"/>, so the scale reads in round numbers.</summary>
    internal static int NiceCeiling(int max)
    {
        var scale = 1;
        while (true)
        {
            foreach (var step in (int[])[1, 2, 5])
                if (step * scale >= max)
                    return step * scale;
            scale *= 10;
        }
    }

    private static IEnumerable<int> Ticks(int top) => top % 2 == 0 ? [0, top / 2, top] : [0, top];
}

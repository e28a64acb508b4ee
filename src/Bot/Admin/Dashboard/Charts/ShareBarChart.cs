using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace CitizenData.Bot.Admin.Dashboard.Charts;

/// <param name="Label">The theme's name.</param>
/// <param name="LabelLanguage">The name's language when it is not the page's, else null.</param>
/// <param name="Share">0–1: the bar's length.</param>
/// <param name="Value">What is written beside the name (the share, the count, the change).</param>
public sealed record ShareBar(string Label, string? LabelLanguage, double Share, string Value);

/// <summary>
/// Horizontal bars of shares, in the order given (largest first). Each row is a line of words — the name on the left,
/// the figures on the right — above a bar across the whole width, so long names (and Devanagari) fit a phone.
/// </summary>
public static class ShareBarChart
{
    public const string BarColour = "#2b7a78";
    private const double RowHeight = 46;
    private const double BarTop = 22;
    private const double BarHeight = 14;
    private const string Track = "#e6e9ec";

    public static IHtmlContent Render(string id, IReadOnlyList<ShareBar> bars, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var content = new List<XElement>();
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var top = i * RowHeight;
            var length = bar.Share > 0 ? Math.Max(0.5, 100 * Math.Min(bar.Share, 1)) : 0;
            content.Add(SvgChart.Text("0", top + 15, bar.Label, language: bar.LabelLanguage));
            content.Add(SvgChart.Text("100%", top + 15, bar.Value, "end"));
            content.Add(SvgChart.Rect("0", top + BarTop, "100%", BarHeight, Track));
            content.Add(SvgChart.Rect("0", top + BarTop, SvgChart.Percent(length), BarHeight, BarColour));
        }
        return SvgChart.ToHtml(SvgChart.Image(id, Math.Max(1, bars.Count) * RowHeight, title, description, content));
    }
}

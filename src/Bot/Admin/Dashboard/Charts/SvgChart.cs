using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace CitizenData.Bot.Admin.Dashboard.Charts;

/// <summary>
/// What the dashboard's inline SVG charts share: an image with a title and a description that screen readers
/// announce (the numbers themselves are always in a table beside the chart). Charts are as wide as their container
/// and a fixed height: horizontal positions are percentages, so words keep their size on a phone and on a laptop
/// instead of shrinking with a scaled drawing. Built as XML, so every label is escaped.
/// </summary>
internal static class SvgChart
{
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans Devanagari', sans-serif";
    public const double FontSize = 13;
    public const string Ink = "#1b1b1b";
    public const string Muted = "#4a4a4a";
    public const string Grid = "#c9ced4";

    /// <summary>An <c>&lt;svg role="img"&gt;</c> as wide as its container and <paramref name="height"/> pixels high, labelled by its title and description.</summary>
    public static XElement Image(string id, double height, string title, string description, IEnumerable<XElement> content) =>
        new(
            "svg",
            new XAttribute("id", id),
            new XAttribute("class", "chart"),
            new XAttribute("role", "img"),
            new XAttribute("width", "100%"),
            new XAttribute("height", Number(height)),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("font-family", FontFamily),
            new XAttribute("font-size", Number(FontSize)),
            new XElement("title", new XAttribute("id", id + "-title"), title),
            new XElement("desc", new XAttribute("id", id + "-desc"), description),
            content);

    /// <param name="x">A length: pixels (<see cref="Number"/>) or a share of the width (<see cref="Percent"/>).</param>
    public static XElement Rect(string x, double y, string width, double height, string fill, string? tooltip = null) =>
        new(
            "rect",
            new XAttribute("x", x),
            new XAttribute("y", Number(y)),
            new XAttribute("width", width),
            new XAttribute("height", Number(height)),
            new XAttribute("fill", fill),
            tooltip is null ? null : new XElement("title", tooltip));

    public static XElement HorizontalLine(string x1, string x2, double y, string stroke) =>
        new(
            "line",
            new XAttribute("x1", x1),
            new XAttribute("x2", x2),
            new XAttribute("y1", Number(y)),
            new XAttribute("y2", Number(y)),
            new XAttribute("stroke", stroke));

    /// <param name="anchor">start, middle or end.</param>
    /// <param name="language">The text's language when it is not the page's, else null.</param>
    public static XElement Text(string x, double y, string text, string anchor = "start", string fill = Ink, string? language = null) =>
        new(
            "text",
            new XAttribute("x", x),
            new XAttribute("y", Number(y)),
            new XAttribute("text-anchor", anchor),
            new XAttribute("fill", fill),
            language is null ? null : new XAttribute("lang", language),
            text);

    /// <summary>The SVG as HTML to write into the page; safe because XML escaped every text and attribute.</summary>
    public static IHtmlContent ToHtml(XElement svg) => new HtmlString(svg.ToString(SaveOptions.DisableFormatting));

    /// <summary>A number with at most two decimals and a dot, whatever the page's culture.</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    /// <summary>A share of the chart's width (0–100).</summary>
    public static string Percent(double value) => Number(value) + "%";
}

using System.Globalization;
using System.Xml.Linq;
using CitizenData.Bot.Admin.Dashboard.Charts;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>The overview's inline SVG charts as markup: labelled images, escaped words, bars of the right size.</summary>
public sealed class OverviewChartTests
{
    [Fact]
    public void A_share_chart_is_a_labelled_image_with_escaped_names_and_bars_as_long_as_the_shares()
    {
        var svg = Parse(ShareBarChart.Render(
            "themes",
            [new ShareBar("Water & <sanitation>", null, 0.5, "50%"), new ShareBar("स्वास्थ्य", "hi", 0.25, "25%")],
            "Share per theme",
            "Water is largest"));

        Assert.Equal(("img", "themes-title themes-desc"), ((string?)svg.Attribute("role"), (string?)svg.Attribute("aria-labelledby")));
        Assert.Equal("Share per theme", svg.Element("title")!.Value);
        Assert.Equal(["Water & <sanitation>", "50%", "स्वास्थ्य", "25%"], svg.Elements("text").Select(t => t.Value));
        Assert.Equal("hi", (string?)svg.Elements("text").ElementAt(2).Attribute("lang"));
        Assert.Equal(["100%", "50%", "100%", "25%"], svg.Elements("rect").Select(r => (string)r.Attribute("width")!));
    }

    [Fact]
    public void An_activity_chart_has_a_bar_per_bucket_on_a_round_scale()
    {
        ActivityPoint[] points = [new("1 Mar", 3, 2, "1 Mar: 3"), new("2 Mar", 0, 0, "2 Mar: 0"), new("3 Mar", 7, 4, "3 Mar: 7")];
        var svg = Parse(ActivityChart.Render("activity", points, "Per day", "7 at most", CultureInfo.InvariantCulture));

        var plot = svg.Element("svg")!;
        Assert.Equal("0 0 3 10", (string?)plot.Attribute("viewBox")); // 7 rounds up to 10
        Assert.Equal(["3", "0", "7"], plot.Elements("rect").Select(r => (string)r.Attribute("height")!));
        Assert.Equal("0.5,8 1.5,10 2.5,6", (string?)plot.Element("polyline")!.Attribute("points"));
        Assert.Equal(["0", "5", "10", "1 Mar", "2 Mar", "3 Mar"], svg.Elements("text").Select(t => t.Value));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(11, 20)]
    [InlineData(480, 500)]
    [InlineData(501, 1000)]
    public void The_scale_tops_out_at_a_round_number(int max, int top) => Assert.Equal(top, ActivityChart.NiceCeiling(max));

    private static XElement Parse(Microsoft.AspNetCore.Html.IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return XElement.Parse(writer.ToString());
    }
}

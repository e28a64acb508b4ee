using CitizenData.Feedback.Summaries;

namespace CitizenData.Feedback.Privacy;

/// <summary>
/// A public summary as rows of counts safe to publish: people per theme, and per theme by every profile dimension, with
/// no text and no ids. The counts and their suppression are the summary engine's (<see cref="SummaryBuilder"/> with
/// <see cref="SummaryAudience.Public"/>): people, not inputs, so a count of k is k residents, and every hidden count is
/// proven not to be derivable from the others.
/// </summary>
public static class PublicCounts
{
    public const string All = "(all)";

    /// <summary>Count is null where suppressed.</summary>
    public sealed record Row(string Dimension, string Value, string Theme, long? Count);

    public static IReadOnlyList<Row> From(CampaignSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Audience != SummaryAudience.Public)
            throw new ArgumentException("Only a public summary may leave the organisation.", nameof(summary));
        var rows = new List<Row> { new("all", All, All, summary.Participants) };
        rows.AddRange(summary.Themes.Select(theme => new Row("all", All, theme.Theme, theme.Participants)));
        foreach (var breakdown in summary.Breakdowns)
        {
            foreach (var value in breakdown.Values)
            {
                rows.Add(new Row(breakdown.Dimension, value.Value, All, breakdown.Withheld ? null : value.Participants));
                rows.AddRange(breakdown.Cells
                    .Where(cell => cell.Value == value.Value)
                    .Select(cell => new Row(breakdown.Dimension, value.Value, cell.Theme, breakdown.Withheld ? null : cell.Participants)));
            }
        }
        return rows;
    }
}

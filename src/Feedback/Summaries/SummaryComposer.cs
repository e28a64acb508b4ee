using CitizenData.Feedback.Campaigns;

namespace CitizenData.Feedback.Summaries;

/// <summary>Turns counts into a summary for an audience: a pure function, so tests can throw random populations at it.</summary>
public static class SummaryComposer
{
    public const int QuotesPerTheme = 2;

    public static CampaignSummary Compose(
        Campaign campaign,
        SummaryCounts current,
        SummaryCounts? previous,
        IEnumerable<QuoteCandidate> quoteCandidates,
        SummaryAudience audience,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(current);
        var isPublic = audience == SummaryAudience.Public;
        var k = campaign.PrivacyThreshold;
        var tables = SummaryTables.From(campaign, current, mergeSmallFreeTextValues: isPublic);
        var quality = Quality(current.Quality);
        var summary = new CampaignSummary
        {
            CampaignCode = campaign.Code,
            From = from,
            To = to,
            Audience = audience,
            PrivacyThreshold = k,
            Quality = quality,
        };

        var published = isPublic ? SmallCellSuppression.Apply(tables, k) : null;
        if (published is { Any: false })
            return summary with { TooFewParticipants = true };

        var previousThemes = PreviousThemeCounts(campaign, previous, isPublic);
        bool ThemeShown(string theme) => published is null || published.ShownThemes.Contains(theme);
        var themes = tables.Themes
            .Select(theme =>
            {
                var count = tables.ByTheme[theme];
                if (!ThemeShown(theme))
                    return new ThemeSummary(theme, null, null, null, null, null);
                int? before = previousThemes is not null && previousThemes.TryGetValue(theme, out var p) ? p : null;
                return new ThemeSummary(
                    theme,
                    count.Participants,
                    tables.Participants == 0 ? 0 : (double)count.Participants / tables.Participants,
                    isPublic ? null : count.Inputs,
                    before,
                    before is { } b ? count.Participants - b : null);
            })
            .OrderByDescending(t => t.Participants ?? -1)
            .ThenBy(t => tables.Themes.ToList().IndexOf(t.Theme))
            .ToList();

        var breakdowns = tables.Dimensions.Select(table =>
        {
            var mask = published?.Dimensions[table.Question.Key];
            if (mask is { Withheld: true })
                return new Breakdown(table.Question.Key, table.Question.IsMarginalisationFactor, [], [], Withheld: true);
            var rows = published?.ShownThemes ?? tables.Themes;
            return new Breakdown(
                table.Question.Key,
                table.Question.IsMarginalisationFactor,
                [.. table.Values.Select(v => new BreakdownValue(v, mask?.HiddenValues.Contains(v) == true ? null : table.ByValue[v]))],
                [.. rows.SelectMany(t => table.Values.Select(v => new BreakdownCell(t, v, mask?.HiddenCells.Contains((t, v)) == true ? null : table.Cell(t, v))))]);
        }).ToList();

        var quotable = themes.Where(t => t.Participants > 0).Select(t => t.Theme).ToHashSet(StringComparer.Ordinal);
        return summary with
        {
            Participants = tables.Participants,
            Inputs = tables.Inputs,
            Themes = themes,
            Breakdowns = breakdowns,
            Quotes = QuoteSelector.Select(quoteCandidates, quotable, QuotesPerTheme),
        };
    }

    /// <summary>The previous period's participants per theme, as that period's own summary for the audience shows them.</summary>
    private static Dictionary<string, int>? PreviousThemeCounts(Campaign campaign, SummaryCounts? previous, bool isPublic)
    {
        if (previous is null)
            return null;
        var tables = SummaryTables.From(campaign, previous, mergeSmallFreeTextValues: isPublic);
        var shown = isPublic ? SmallCellSuppression.Apply(tables, campaign.PrivacyThreshold).ShownThemes : tables.Themes;
        return shown.ToDictionary(t => t, t => tables.ByTheme[t].Participants, StringComparer.Ordinal);
    }

    private static DataQuality Quality(LabelQualityCounts counts)
    {
        double Share(int n) => counts.Inputs == 0 ? 0 : Math.Round((double)n / counts.Inputs, 2);
        return new DataQuality(Share(counts.Classified), Share(counts.HighConfidence), Share(counts.Confirmed));
    }
}

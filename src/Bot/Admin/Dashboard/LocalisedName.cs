using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Summaries;

namespace CitizenData.Bot.Admin.Dashboard;

/// <summary>
/// A name from a campaign (its title, a theme) in the page's language when the campaign has it, else in another one;
/// <see cref="Language"/> then says which, for the element's <c>lang</c> attribute (null: the page's language).
/// </summary>
public sealed record LocalisedName(string Text, string? Language)
{
    /// <summary>The name in <paramref name="language"/>, else the first of <paramref name="fallbacks"/>, English or any that exists.</summary>
    public static LocalisedName Pick(IReadOnlyDictionary<string, string> names, string language, IEnumerable<string> fallbacks)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.TryGetValue(language, out var text))
            return new LocalisedName(text, null);
        foreach (var other in fallbacks.Append("en").Concat(names.Keys))
            if (names.TryGetValue(other, out var fallback))
                return new LocalisedName(fallback, other);
        return new LocalisedName(string.Empty, null);
    }

    public static LocalisedName Title(Campaign campaign, string language)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return Pick(campaign.Titles, language, campaign.Languages);
    }

    /// <summary>A theme's name; <paramref name="unsorted"/> for inputs not sorted yet, the key for a theme the taxonomy no longer has.</summary>
    public static LocalisedName Theme(Campaign campaign, string key, string language, string unsorted)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (key == SummaryCounts.Unsorted)
            return new LocalisedName(unsorted, null);
        return campaign.Taxonomy.Find(key) is { } theme && Pick(theme.Names, language, campaign.Languages) is { Text.Length: > 0 } name
            ? name
            : new LocalisedName(key, null);
    }
}

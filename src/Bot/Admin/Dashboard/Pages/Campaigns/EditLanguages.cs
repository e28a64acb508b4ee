namespace CitizenData.Bot.Admin.Dashboard.Pages.Campaigns;

/// <summary>Which languages the editor offers, in which order, and what it calls them.</summary>
public static class EditLanguages
{
    /// <summary>
    /// The campaign's languages first, in its order (the first is the fallback for a missing text, and the form posts
    /// the ticked boxes in page order), then the others the bot speaks. A language the campaign got through the API
    /// that the bot does not speak stays listed, so saving in the editor does not silently drop it.
    /// </summary>
    public static IReadOnlyList<string> Listed(IEnumerable<string> offered, IEnumerable<string> botLanguages) =>
        [.. offered.Concat(botLanguages).Distinct(StringComparer.Ordinal)];

    /// <summary>A language's own name where the dashboard knows it, else its code.</summary>
    public static string Name(DashboardLocaliser text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Languages.Contains(language, StringComparer.Ordinal) ? text.NameOf(language) : language;
    }
}

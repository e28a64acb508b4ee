using CitizenData.Bot.Broadcasts;
using CitizenData.Feedback.Broadcasts;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Broadcasts;

/// <summary>
/// What the composer's form holds: the period (whole days, UTC), staff's words per language, what to include, and the
/// audience. Every button sends all of it, so previewing, counting and saving always see the same draft.
/// </summary>
public sealed class ComposerForm
{
    /// <summary>First day of the period; none: from the start of the campaign.</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last day of the period (included); none: up to now.</summary>
    public DateOnly? To { get; set; }

    public Dictionary<string, string> Messages { get; set; } = [];

    public bool IncludeSummary { get; set; } = true;

    public bool IncludeChart { get; set; } = true;

    public bool IncludeActions { get; set; } = true;

    public List<string> Languages { get; set; } = [];

    public List<string> Locations { get; set; } = [];

    public List<string> Themes { get; set; } = [];

    public List<string> Channels { get; set; } = [];

    /// <summary>Recipients were counted on the last showing: count them again, as the audience may have changed since.</summary>
    public bool Counted { get; set; }

    /// <summary>The language the preview shows.</summary>
    public string? Preview { get; set; }

    /// <summary>A language tab pressed: shows that language instead of <see cref="Preview"/>.</summary>
    public string? ShowLanguage { get; set; }

    public DateTimeOffset? PeriodStart => From is { } day ? DashboardDays.Start(day) : null;

    /// <summary>The end of the period, exclusive: the day after the last day.</summary>
    public DateTimeOffset? PeriodEnd => To is { } day ? DashboardDays.Start(day.AddDays(1)) : null;

    public BroadcastAudience Audience => new()
    {
        Languages = Clean(Languages),
        Locations = Clean(Locations),
        Themes = Clean(Themes),
        Channels = Clean(Channels),
    };

    public DraftRequest ToRequest() => new(
        null,
        Messages,
        IncludeSummary,
        IncludeChart,
        IncludeActions,
        Audience,
        PeriodStart,
        PeriodEnd);

    private static List<string> Clean(List<string> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}

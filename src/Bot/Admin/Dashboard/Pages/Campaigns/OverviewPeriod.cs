using System.Globalization;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Campaigns;

/// <summary>
/// The period the overview counts, from its query string: a preset (<c>?period=7d</c>, <c>30d</c>, <c>90d</c>,
/// <c>all</c>) or dates (<c>?from=2026-03-01&amp;to=2026-03-31</c>, both days included, UTC). Nothing asked means the
/// last 30 days; an empty <c>from</c> means since the first input, an empty <c>to</c> up to today.
/// </summary>
public sealed record OverviewPeriod(DateOnly? From, DateOnly? To, string? Preset)
{
    public const string AllTime = "all";
    public const string DefaultPreset = "30d";
    public static readonly IReadOnlyList<string> Presets = ["7d", DefaultPreset, "90d", AllTime];

    /// <summary>Dates outside these years are typing mistakes, and far-off dates would overflow the previous period.</summary>
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>Inclusive, as a time (midnight UTC starting <see cref="From"/>).</summary>
    public DateTimeOffset? Start => From is { } day ? DashboardDays.Start(day) : null;

    /// <summary>Exclusive, as a time (midnight UTC ending <see cref="To"/>).</summary>
    public DateTimeOffset? End => To is { } day ? DashboardDays.Start(day.AddDays(1)) : null;

    /// <summary>The period of equal length just before, which the summary compares with; none for an open period.</summary>
    public (DateOnly From, DateOnly To)? Previous => From is { } from && To is { } to
        ? (from.AddDays(from.DayNumber - to.DayNumber - 1), from.AddDays(-1))
        : null;

    /// <summary>Reads the query; false with the text key of what is wrong for dates that are not dates or out of order.</summary>
    public static bool TryParse(string? preset, string? from, string? to, DateOnly today, out OverviewPeriod period, out string? errorKey)
    {
        errorKey = null;
        period = ForPreset(DefaultPreset, today);
        if (!string.IsNullOrEmpty(preset) && Presets.Contains(preset))
        {
            period = ForPreset(preset, today);
            return true;
        }
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
            return true;
        if (!TryParseDay(from, out var start) || !TryParseDay(to, out var end))
        {
            errorKey = "overview.invalid_date";
            return false;
        }
        end ??= today;
        if (start > end)
        {
            errorKey = "overview.from_after_to";
            return false;
        }
        period = new OverviewPeriod(start, end, null);
        return true;
    }

    private static OverviewPeriod ForPreset(string preset, DateOnly today) => preset == AllTime
        ? new OverviewPeriod(null, null, AllTime)
        : new OverviewPeriod(today.AddDays(1 - int.Parse(preset[..^1], CultureInfo.InvariantCulture)), today, preset);

    /// <summary>Blank is a valid "not set"; anything else must be a day (what a date input sends) in range.</summary>
    private static bool TryParseDay(string? text, out DateOnly? day) =>
        DashboardDays.TryParse(text?.Trim(), out day) && (day is not { } parsed || (parsed >= Earliest && parsed <= Latest));
}

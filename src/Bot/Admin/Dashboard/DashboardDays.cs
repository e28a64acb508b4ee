using System.Globalization;

namespace CitizenData.Bot.Admin.Dashboard;

/// <summary>
/// Days as the dashboard's date inputs send and show them (<c>yyyy-MM-dd</c>, whatever the page's language), and the
/// times they stand for: days are counted in UTC.
/// </summary>
public static class DashboardDays
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>Empty is a valid "not set" (null); anything else must be a <c>yyyy-MM-dd</c> day.</summary>
    public static bool TryParse(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (!DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        day = parsed;
        return true;
    }

    /// <summary>The day for a date input's value; null stays empty.</summary>
    public static string? Text(DateOnly? day) => day?.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Midnight UTC at the start of the day.</summary>
    public static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Today in UTC.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }
}

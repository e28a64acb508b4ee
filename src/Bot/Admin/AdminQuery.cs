using System.Globalization;

namespace CitizenData.Bot.Admin;

/// <summary>Query-string values parsed so that a bad one is reported by its name.</summary>
internal sealed class AdminQuery
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public DateTimeOffset? Time(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return time;
        Errors[field] = ["An ISO 8601 date or time is expected, e.g. 2026-03-01 or 2026-03-01T12:00:00Z."];
        return null;
    }

    public TEnum? Enum<TEnum>(string field, string? value)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
            return parsed;
        Errors[field] = [$"One of: {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}."];
        return null;
    }

    public int Range(string field, int? value, int fallback, int min, int max)
    {
        if (value is null)
            return fallback;
        if (value >= min && value <= max)
            return value.Value;
        Errors[field] = [$"Between {min} and {max}."];
        return fallback;
    }
}

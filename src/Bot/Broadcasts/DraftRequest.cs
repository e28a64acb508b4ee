using CitizenData.Feedback.Broadcasts;

namespace CitizenData.Bot.Broadcasts;

/// <summary>A broadcast draft as staff ask for it, from the admin API's body or the dashboard's composer.</summary>
/// <param name="Message">Staff's words, the same in every language…</param>
/// <param name="Messages">…or per language code.</param>
/// <param name="From">Start of the period the summary covers.</param>
/// <param name="To">End of the period (exclusive).</param>
public sealed record DraftRequest(
    string? Message,
    Dictionary<string, string>? Messages,
    bool IncludeSummary = true,
    bool IncludeChart = true,
    bool IncludeActions = true,
    BroadcastAudience? Audience = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null);

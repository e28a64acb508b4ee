namespace CitizenData.Feedback.Actions;

/// <summary>"You said, we did": what a duty bearer did or promised about some themes, told per language.</summary>
public sealed record CampaignAction
{
    public required string Id { get; init; }
    public required string CampaignCode { get; init; }
    public required IReadOnlyList<string> Themes { get; init; }
    /// <summary>What was done or promised, per language.</summary>
    public required IReadOnlyDictionary<string, string> Texts { get; init; }
    /// <summary>Who acted: "County water office", "Ward administrator".</summary>
    public required string DutyBearer { get; init; }
    public ActionStatus Status { get; init; } = ActionStatus.Promised;
    /// <summary>When it was done or promised.</summary>
    public required DateTimeOffset Date { get; init; }
    public string? RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public long Version { get; init; }

    public static string NewId() => "a_" + Guid.NewGuid().ToString("N")[..20];

    public string Text(string language) => Campaigns.Localised.Pick(Texts, language, []);
}

public enum ActionStatus
{
    Promised,
    InProgress,
    Done,
}

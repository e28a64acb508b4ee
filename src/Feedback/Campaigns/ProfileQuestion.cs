namespace CitizenData.Feedback.Campaigns;

/// <summary>
/// An optional question about the resident (location, gender, age band, disability, or a factor of marginalisation)
/// used only to disaggregate findings. Every profile question can be skipped.
/// </summary>
public sealed record ProfileQuestion
{
    public required string Key { get; init; }
    public required IReadOnlyDictionary<string, string> Prompts { get; init; }
    /// <summary>Why the campaign asks, shown to residents with the question.</summary>
    public IReadOnlyDictionary<string, string> Purposes { get; init; } = new Dictionary<string, string>();
    /// <summary>Empty for a free-text answer.</summary>
    public IReadOnlyList<ProfileChoice> Choices { get; init; } = [];
    public bool IsMarginalisationFactor { get; init; }

    public ProfileChoice? FindChoice(string answer) =>
        Choices.FirstOrDefault(c => string.Equals(c.Value, answer, StringComparison.OrdinalIgnoreCase)
            || c.Labels.Values.Any(label => string.Equals(label, answer, StringComparison.OrdinalIgnoreCase)));
}

public sealed record ProfileChoice(string Value, IReadOnlyDictionary<string, string> Labels);

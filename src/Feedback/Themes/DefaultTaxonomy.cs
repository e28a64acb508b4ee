namespace CitizenData.Feedback.Themes;

/// <summary>The theme keys of the default taxonomy (shared/DESIGN.md); names per language come from the bot's texts.</summary>
public static class DefaultTaxonomy
{
    public static readonly IReadOnlyList<string> Keys =
    [
        "water_sanitation", "health", "education", "food_security", "livelihoods", "infrastructure",
        "shelter", "safety", "governance", "environment", "inclusion", "aid", ThemeTaxonomy.Other,
    ];
}

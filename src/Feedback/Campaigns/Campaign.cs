using CitizenData.Feedback.Themes;

namespace CitizenData.Feedback.Campaigns;

/// <summary>
/// A campaign asks one question of a community, in the languages it offers, and sorts the answers into its themes.
/// Texts are keyed by language code ("en", "sw", …).
/// </summary>
public sealed record Campaign
{
    public const int DefaultPrivacyThreshold = 10;
    public const int MinimumPrivacyThreshold = 3;
    public const double DefaultReviewThreshold = 0.5;

    public required string Code { get; init; }
    public required IReadOnlyDictionary<string, string> Titles { get; init; }
    public required IReadOnlyDictionary<string, string> Questions { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required ThemeTaxonomy Taxonomy { get; init; }
    public IReadOnlyList<ProfileQuestion> ProfileQuestions { get; init; } = [];
    public string Organisation { get; init; } = "CitizenData";
    public int PrivacyThreshold { get; init; } = DefaultPrivacyThreshold;
    /// <summary>Below this confidence a classification is marked as needing a human review.</summary>
    public double ReviewThreshold { get; init; } = DefaultReviewThreshold;
    public CampaignStatus Status { get; init; } = CampaignStatus.Open;
    /// <summary>Version of the consent text residents agree to; stored with every input.</summary>
    public string ConsentVersion { get; init; } = "1";
    public long Version { get; init; }

    public string Title(string language) => Localised.Pick(Titles, language, Languages);

    public string Question(string language) => Localised.Pick(Questions, language, Languages);

    public bool Offers(string language) => Languages.Contains(language, StringComparer.OrdinalIgnoreCase);
}

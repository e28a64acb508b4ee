using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Themes;

namespace CitizenData.Bot.Admin.Campaigns;

/// <summary>
/// A campaign as the admin API reads and writes it. Every field is optional on the wire so that a missing one is
/// reported by name (RFC 9457 validation problem) instead of failing deserialisation.
/// </summary>
public sealed record CampaignDefinition
{
    public string? Code { get; init; }
    public Dictionary<string, string>? Titles { get; init; }
    public Dictionary<string, string>? Questions { get; init; }
    public List<string>? Languages { get; init; }
    public List<ThemeDefinition>? Taxonomy { get; init; }
    public List<ProfileQuestionDefinition>? ProfileQuestions { get; init; }
    public string? Organisation { get; init; }
    /// <summary>k: no count below it leaves the organisation in public outputs. Default 10, minimum 3.</summary>
    public int? PrivacyThreshold { get; init; }
    /// <summary>Below this classifier confidence an input is marked for review. Default 0.5.</summary>
    public double? ReviewThreshold { get; init; }
    /// <summary>draft, open or closed.</summary>
    public string? Status { get; init; }
    public string? ConsentVersion { get; init; }
    /// <summary>On update: the version read, so a concurrent change is not overwritten (409). Omit to overwrite.</summary>
    public long? Version { get; init; }

    public static CampaignDefinition From(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return new()
        {
            Code = campaign.Code,
            Titles = new(campaign.Titles),
            Questions = new(campaign.Questions),
            Languages = [.. campaign.Languages],
            Taxonomy = campaign.Taxonomy.Themes.Select(t => new ThemeDefinition(t.Key, new(t.Names), new(t.Descriptions), [.. t.SeedExamples])).ToList(),
            ProfileQuestions = campaign.ProfileQuestions.Select(q => new ProfileQuestionDefinition(
                q.Key, new(q.Prompts), new(q.Purposes), q.Choices.Select(c => new ChoiceDefinition(c.Value, new(c.Labels))).ToList(), q.IsMarginalisationFactor)).ToList(),
            Organisation = campaign.Organisation,
            PrivacyThreshold = campaign.PrivacyThreshold,
            ReviewThreshold = campaign.ReviewThreshold,
            Status = campaign.Status.ToString().ToLowerInvariant(),
            ConsentVersion = campaign.ConsentVersion,
            Version = campaign.Version,
        };
    }

    /// <summary>The campaign this defines, or the fields that are missing or invalid.</summary>
    public (Campaign? Campaign, IReadOnlyDictionary<string, string[]> Errors) ToCampaign(string code, long version)
    {
        var errors = new Dictionary<string, string[]>();
        if (Code is not null && Code != code)
            errors["code"] = ["The code in the body differs from the one in the address."];
        if (Languages is null)
            errors["languages"] = ["The languages the campaign offers are required."];
        if (Titles is null)
            errors["titles"] = ["A title per language is required."];
        if (Questions is null)
            errors["questions"] = ["The question per language is required."];
        if (Taxonomy is null)
            errors["taxonomy"] = ["The themes are required."];
        CampaignStatus status = CampaignStatus.Draft;
        if (Status is not null && !Enum.TryParse(Status, ignoreCase: true, out status))
            errors["status"] = ["The status is draft, open or closed."];
        for (var i = 0; i < (Taxonomy?.Count ?? 0); i++)
            if (string.IsNullOrWhiteSpace(Taxonomy![i].Key))
                errors[$"taxonomy[{i}].key"] = ["A theme key is required."];
        for (var i = 0; i < (ProfileQuestions?.Count ?? 0); i++)
            if (string.IsNullOrWhiteSpace(ProfileQuestions![i].Key))
                errors[$"profileQuestions[{i}].key"] = ["A profile question key is required."];
        if (errors.Count > 0)
            return (null, errors);

        var campaign = new Campaign
        {
            Code = code,
            Titles = Titles!,
            Questions = Questions!,
            Languages = Languages!,
            Taxonomy = new ThemeTaxonomy(Taxonomy!.Select(t => new Theme
            {
                Key = t.Key!,
                Names = t.Names ?? [],
                Descriptions = t.Descriptions ?? [],
                SeedExamples = t.SeedExamples ?? [],
            }).ToList()),
            ProfileQuestions = (ProfileQuestions ?? []).Select(q => new ProfileQuestion
            {
                Key = q.Key!,
                Prompts = q.Prompts ?? [],
                Purposes = q.Purposes ?? [],
                Choices = (q.Choices ?? []).Select(c => new ProfileChoice(c.Value ?? string.Empty, c.Labels ?? [])).ToList(),
                IsMarginalisationFactor = q.IsMarginalisationFactor,
            }).ToList(),
            Organisation = Organisation ?? "CitizenData",
            PrivacyThreshold = PrivacyThreshold ?? Campaign.DefaultPrivacyThreshold,
            ReviewThreshold = ReviewThreshold ?? Campaign.DefaultReviewThreshold,
            Status = status,
            ConsentVersion = ConsentVersion ?? "1",
            Version = version,
        };
        return (campaign, CampaignRules.Validate(campaign));
    }
}

public sealed record ThemeDefinition(string? Key, Dictionary<string, string>? Names, Dictionary<string, string>? Descriptions = null, List<string>? SeedExamples = null);

/// <summary>A profile question; <see cref="IsMarginalisationFactor"/> (caste, tribe, religion…) requires a purpose per language.</summary>
public sealed record ProfileQuestionDefinition(
    string? Key,
    Dictionary<string, string>? Prompts,
    Dictionary<string, string>? Purposes = null,
    List<ChoiceDefinition>? Choices = null,
    bool IsMarginalisationFactor = false);

public sealed record ChoiceDefinition(string? Value, Dictionary<string, string>? Labels);

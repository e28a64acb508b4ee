using System.Text.RegularExpressions;
using CitizenData.Feedback.Themes;

namespace CitizenData.Feedback.Campaigns;

/// <summary>What makes a campaign definition valid. Errors are keyed by the field's JSON path (<c>taxonomy[2].key</c>).</summary>
public static partial class CampaignRules
{
    public static IReadOnlyDictionary<string, string[]> Validate(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
                errors[field] = list = [];
            list.Add(message);
        }
        void EveryLanguage(IReadOnlyDictionary<string, string> texts, string field, string what)
        {
            foreach (var language in campaign.Languages.Where(l => !texts.TryGetValue(l, out var text) || string.IsNullOrWhiteSpace(text)))
                Error(field, $"{what} is missing for language '{language}'.");
        }

        if (!CodePattern().IsMatch(campaign.Code))
            Error("code", "A code is 2 to 32 lower-case letters, digits, '-' or '_', starting with a letter or digit.");
        if (campaign.Languages.Count == 0)
            Error("languages", "At least one language is required.");
        foreach (var (language, i) in campaign.Languages.Select((l, i) => (l, i)))
            if (!LanguagePattern().IsMatch(language))
                Error($"languages[{i}]", $"'{language}' is not an ISO 639 language code.");
        if (campaign.Languages.Distinct().Count() != campaign.Languages.Count)
            Error("languages", "Languages are listed once each.");
        EveryLanguage(campaign.Titles, "titles", "A title");
        EveryLanguage(campaign.Questions, "questions", "The question");

        ValidateTaxonomy(campaign.Taxonomy, Error);

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < campaign.ProfileQuestions.Count; i++)
        {
            var question = campaign.ProfileQuestions[i];
            var field = $"profileQuestions[{i}]";
            if (!KeyPattern().IsMatch(question.Key))
                Error($"{field}.key", "A key is lower-case letters, digits and '_', starting with a letter.");
            else if (!keys.Add(question.Key))
                Error($"{field}.key", $"The key '{question.Key}' is used twice.");
            EveryLanguage(question.Prompts, $"{field}.prompts", "The prompt");
            // Residents are told why they are asked about caste, tribe, religion and the like, in their language.
            if (question.IsMarginalisationFactor)
                EveryLanguage(question.Purposes, $"{field}.purposes", "A factor of marginalisation needs its purpose stated; it");
            if (question.Choices.Select(c => c.Value).Distinct().Count() != question.Choices.Count)
                Error($"{field}.choices", "Choice values are listed once each.");
            for (var c = 0; c < question.Choices.Count; c++)
                EveryLanguage(question.Choices[c].Labels, $"{field}.choices[{c}].labels", "The label");
        }

        if (campaign.PrivacyThreshold < Campaign.MinimumPrivacyThreshold)
            Error("privacyThreshold", $"The privacy threshold is at least {Campaign.MinimumPrivacyThreshold}.");
        if (campaign.ReviewThreshold is < 0 or > 1 || double.IsNaN(campaign.ReviewThreshold))
            Error("reviewThreshold", "The review threshold is a confidence between 0 and 1.");
        if (string.IsNullOrWhiteSpace(campaign.ConsentVersion))
            Error("consentVersion", "A consent version is required.");
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void ValidateTaxonomy(ThemeTaxonomy taxonomy, Action<string, string> error)
    {
        if (taxonomy.Themes.Count < 2)
            error("taxonomy", "A taxonomy has at least two themes.");
        if (!taxonomy.Contains(ThemeTaxonomy.Other))
            error("taxonomy", $"A taxonomy includes the theme '{ThemeTaxonomy.Other}', for inputs that fit nowhere else.");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < taxonomy.Themes.Count; i++)
        {
            var theme = taxonomy.Themes[i];
            if (!KeyPattern().IsMatch(theme.Key))
                error($"taxonomy[{i}].key", "A theme key is lower-case letters, digits and '_', starting with a letter.");
            else if (!keys.Add(theme.Key))
                error($"taxonomy[{i}].key", $"The theme '{theme.Key}' is listed twice.");
            if (theme.Names.Count == 0 || theme.Names.Values.Any(string.IsNullOrWhiteSpace))
                error($"taxonomy[{i}].names", "A theme has a name in at least one language.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{1,31}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex KeyPattern();
}

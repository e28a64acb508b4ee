using CitizenData.Bot.Conversations.Flows;
using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Themes;

namespace CitizenData.Bot.Campaigns;

/// <summary>
/// The open campaign every installation starts with (code <c>community</c>): the default taxonomy and four optional
/// profile questions, in every language the bot speaks.
/// </summary>
public static class DefaultCampaign
{
    private static readonly string[] AdultAgeBands = ["18-24", "25-34", "35-49", "50-64"];

    public static Campaign Create(BotTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        Dictionary<string, string> All(string key) => texts.Languages.ToDictionary(language => language, language => texts.Get(language, key));

        return new Campaign
        {
            Code = ResidentConversation.DefaultCampaignCode,
            Titles = All("community.title"),
            Questions = All("community.question"),
            Languages = texts.Languages,
            Taxonomy = DefaultThemes(texts),
            ProfileQuestions =
            [
                new ProfileQuestion { Key = "location", Prompts = All("profile.location"), Purposes = All("profile.location.purpose") },
                new ProfileQuestion
                {
                    Key = "gender",
                    Prompts = All("profile.gender"),
                    Purposes = All("profile.gender.purpose"),
                    Choices = [new("woman", All("gender.woman")), new("man", All("gender.man")), new("other", All("gender.other"))],
                },
                new ProfileQuestion
                {
                    Key = "age_band",
                    Prompts = All("profile.age"),
                    Purposes = All("profile.age.purpose"),
                    Choices =
                    [
                        new("under_18", All("age.under.18")),
                        .. AdultAgeBands.Select(band => new ProfileChoice(band, texts.Languages.ToDictionary(l => l, _ => band.Replace('-', '–')))),
                        new("65_plus", All("age.65.plus")),
                    ],
                },
                new ProfileQuestion
                {
                    Key = "disability",
                    Prompts = All("profile.disability"),
                    Purposes = All("profile.disability.purpose"),
                    Choices = [new("yes", All("button.yes")), new("no", All("button.no"))],
                },
            ],
        };
    }

    public static ThemeTaxonomy DefaultThemes(BotTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new ThemeTaxonomy(
        [
            .. DefaultTaxonomy.Keys.Select(key => new Theme
            {
                Key = key,
                Names = texts.Languages.ToDictionary(language => language, language => texts.Get(language, "theme." + key)),
            }),
        ]);
    }
}

using CitizenData.Bot.Admin.Campaigns;
using CitizenData.Bot.Conversations.Flows;
using CitizenData.Bot.Conversations.Localisation;
using Microsoft.AspNetCore.Html;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Campaigns;

/// <summary>
/// How the bot will greet and ask residents with the texts in the editor, per offered language: the same messages the
/// conversation flows send (<see cref="Onboarding.ConsentNotice"/>, <see cref="Inputs.QuestionMessage"/>), with the
/// same fallback for a missing text, formatted as a chat shows the bot's Markdown.
/// </summary>
public static class EditPreview
{
    public static IReadOnlyDictionary<string, IReadOnlyList<PreviewBubble>> Build(CampaignDefinition definition, BotTexts texts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(texts);
        // Only the texts matter here; without themes and profile questions any draft makes a campaign to preview.
        var (campaign, _) = (definition with { Code = null, Taxonomy = [], ProfileQuestions = [], Status = null }).ToCampaign("preview", 0);
        var chats = new Dictionary<string, IReadOnlyList<PreviewBubble>>(StringComparer.Ordinal);
        foreach (var language in campaign!.Languages)
        {
            // The bot speaks its own words in the campaign's language where it can, else English, as a conversation would.
            var botLanguage = texts.Supports(language) ? language : texts.DefaultLanguage;
            var (notice, buttons) = Onboarding.ConsentNotice(texts, botLanguage, campaign.Title(language), campaign.Organisation);
            chats[language] =
            [
                new PreviewBubble(BotMarkdown.ToHtml(notice), [.. buttons.Select(b => b.Label)]),
                new PreviewBubble(BotMarkdown.ToHtml(Inputs.QuestionMessage(texts, botLanguage, campaign.Question(language))), []),
            ];
        }
        return chats;
    }
}

/// <summary>The preview of one language: the bot's messages, or none while the language is not offered.</summary>
public sealed record PreviewChat(string Language, IReadOnlyList<PreviewBubble>? Bubbles);

/// <summary>One message of the bot in the preview, with the buttons under it.</summary>
public sealed record PreviewBubble(IHtmlContent Html, IReadOnlyList<string> Buttons);

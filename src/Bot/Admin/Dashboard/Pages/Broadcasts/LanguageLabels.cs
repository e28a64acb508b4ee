using System.Text.Encodings.Web;
using CitizenData.Bot.Conversations.Localisation;
using Microsoft.AspNetCore.Html;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Broadcasts;

/// <summary>
/// Names of the languages a broadcast speaks, as staff read them: each language's own name (the dashboard's for the
/// six it speaks, else the bot's, else the code), marked with its <c>lang</c> so screen readers pronounce it right.
/// </summary>
public sealed class LanguageLabels(DashboardLocaliser localiser, DashboardTexts dashboardTexts, BotTexts botTexts)
{
    public string Name(string language) =>
        dashboardTexts.Supports(language) ? localiser.NameOf(language)
        : botTexts.Supports(language) ? botTexts.LanguageName(language)
        : language;

    /// <summary>The dashboard text <paramref name="key"/> with the language's name as <c>{0}</c>, the name in a <c>&lt;span lang&gt;</c>.</summary>
    public IHtmlContent Sentence(string key, string language)
    {
        const string Marker = "\u0001";
        var parts = localiser.Format(key, Marker).Split(Marker);
        var html = new HtmlContentBuilder().Append(parts[0]);
        for (var i = 1; i < parts.Length; i++)
        {
            html.AppendHtml($"<span lang=\"{HtmlEncoder.Default.Encode(language)}\">")
                .Append(Name(language))
                .AppendHtml("</span>")
                .Append(parts[i]);
        }
        return html;
    }
}

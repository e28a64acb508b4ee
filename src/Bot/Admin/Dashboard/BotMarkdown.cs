using CitizenData.Bot.Channels.Telegram;
using Microsoft.AspNetCore.Html;
using Telegram.Bot.Types.Enums;

namespace CitizenData.Bot.Admin.Dashboard;

/// <summary>What the bot writes, shown in a page as residents see it: its Markdown subset (*bold*, _italic_).</summary>
public static class BotMarkdown
{
    /// <summary>Read exactly as the Telegram channel reads it, so a preview cannot differ from the message.</summary>
    public static IHtmlContent ToHtml(string markdown)
    {
        var message = TelegramText.FromMarkdown(markdown);
        // Text is appended unencoded and encoded when the page is written, with the dashboard's encoder (which keeps
        // Devanagari as letters).
        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (var span in message.Spans.OrderBy(s => s.Start))
        {
            html.Append(message.Text[at..span.Start]);
            var tag = span.Type == MessageEntityType.Bold ? "strong" : "em";
            html.AppendHtml($"<{tag}>").Append(message.Text.Substring(span.Start, span.Length)).AppendHtml($"</{tag}>");
            at = span.Start + span.Length;
        }
        html.Append(message.Text[at..]);
        return html;
    }
}

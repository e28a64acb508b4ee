using System.Text;
using CitizenData.Bot.Conversations;
using Telegram.Bot.Types.ReplyMarkups;
using Activity = CitizenData.Bot.Conversations.Activity;

namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// A reply's choices as an inline keyboard: the label on the button, the machine key as callback data, so a press
/// comes back as the key whatever the resident's language.
/// </summary>
public static class TelegramKeyboard
{
    /// <summary>Telegram's limit for callback data.</summary>
    public const int MaxCallbackDataBytes = 64;
    private const int MaxButtonsPerRow = 3;
    /// <summary>Short labels share a row; longer ones get a row each so they are not cut off on a phone.</summary>
    private const int MaxRowLabelLength = 30;

    public static InlineKeyboardMarkup? For(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.SuggestedActions?.Actions is not { Count: > 0 } actions)
            return null;
        var keys = ChoiceKeys.FromChannelData(activity.ChannelData);
        var buttons = new List<InlineKeyboardButton>();
        for (var i = 0; i < actions.Count; i++)
        {
            var label = actions[i].Title;
            var key = keys is not null && i < keys.Count && keys[i].Length > 0 ? keys[i] : actions[i].Value;
            // The flow recognises a button by its key or its label: fall back to the label if the key is too long.
            var data = Encoding.UTF8.GetByteCount(key) <= MaxCallbackDataBytes ? key : actions[i].Value;
            if (Encoding.UTF8.GetByteCount(data) <= MaxCallbackDataBytes)
                buttons.Add(InlineKeyboardButton.WithCallbackData(label, data));
        }
        return buttons.Count == 0 ? null : new InlineKeyboardMarkup(Rows(buttons));
    }

    private static List<List<InlineKeyboardButton>> Rows(List<InlineKeyboardButton> buttons)
    {
        var rows = new List<List<InlineKeyboardButton>>();
        var row = new List<InlineKeyboardButton>();
        var rowLength = 0;
        foreach (var button in buttons)
        {
            if (row.Count > 0 && (row.Count == MaxButtonsPerRow || rowLength + button.Text.Length > MaxRowLabelLength))
            {
                rows.Add(row);
                row = [];
                rowLength = 0;
            }
            row.Add(button);
            rowLength += button.Text.Length;
        }
        rows.Add(row);
        return rows;
    }
}

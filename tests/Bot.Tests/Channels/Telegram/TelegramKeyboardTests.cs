using CitizenData.Bot.Channels.Telegram;
using CitizenData.Bot.Conversations;

namespace CitizenData.Bot.Tests.Channels.Telegram;

public sealed class TelegramKeyboardTests
{
    [Fact]
    public void ChoicesBecomeButtonsWithLabelsShownAndKeysSent()
    {
        Choice[] choices = [new("agree", "I agree"), new("decline", "No, thanks"), new("language", "🌐 Language")];
        var keyboard = TelegramKeyboard.For(Reply(choices))!;
        var buttons = keyboard.InlineKeyboard.SelectMany(row => row).ToList();
        Assert.Equal(["I agree", "No, thanks", "🌐 Language"], buttons.Select(b => b.Text));
        Assert.Equal(["agree", "decline", "language"], buttons.Select(b => b.CallbackData));
    }

    [Fact]
    public void LongLabelsGetARowEach()
    {
        Choice[] choices = [new("infrastructure", "Roads, transport, power and internet"), new("governance", "Public services and accountability")];
        var keyboard = TelegramKeyboard.For(Reply(choices))!;
        Assert.Equal(2, keyboard.InlineKeyboard.Count());
    }

    [Fact]
    public void AKeyTooLongForCallbackDataFallsBackToTheLabel()
    {
        var keyboard = TelegramKeyboard.For(Reply([new(new string('k', 80), "Yes")]))!;
        Assert.Equal("Yes", keyboard.InlineKeyboard.Single().Single().CallbackData);
    }

    [Fact]
    public void NoChoicesNoKeyboard() => Assert.Null(TelegramKeyboard.For(new Activity { Text = "hi" }));

    private static Activity Reply(IReadOnlyList<Choice> choices) => new()
    {
        Text = "Pick one",
        SuggestedActions = new SuggestedActions([.. choices.Select(c => new CardAction("imBack", c.Label, c.Label))]),
        ChannelData = ChoiceKeys.ToChannelData(choices),
    };
}

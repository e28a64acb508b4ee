using CitizenData.Bot.Tests.Channels.Telegram.Fake;

namespace CitizenData.Bot.Tests.Channels.Telegram;

internal static class Onboarding
{
    /// <summary>The shortest way in: deep link, agree, no quotes, every profile question skipped.</summary>
    public static async Task JoinAsync(this FakeTelegramUser user)
    {
        user.Send("/start community");
        await user.ExpectAsync("Do you agree?");
        user.Press("agree");
        await user.ExpectAsync("quote your words");
        user.Press("no");
        await user.ExpectAsync("A few short questions");
        for (var question = 0; question < 4; question++)
        {
            await user.NextReplyAsync();
            user.Press("skip");
        }
        await user.ExpectAsync("Now tell me in your own words");
    }
}

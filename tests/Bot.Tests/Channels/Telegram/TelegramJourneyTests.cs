using CitizenData.Bot.Channels.Telegram;
using CitizenData.Feedback.Submissions;

namespace CitizenData.Bot.Tests.Channels.Telegram;

/// <summary>A resident's whole life with the bot, over real HTTP, through the real Telegram.Bot client, in both modes.</summary>
public sealed class TelegramJourneyTests
{
    [Theory]
    [InlineData(TelegramMode.Polling)]
    [InlineData(TelegramMode.Webhook)]
    public async Task ResidentJoinsByDeepLinkGivesInputCorrectsAThemeAndUsesThePrivacyCommands(TelegramMode mode)
    {
        await using var host = await TelegramTestHost.StartAsync(mode);
        var telegram = host.Telegram;
        var amina = telegram.User(4242, languageCode: "en");

        amina.Send("/start community");
        var consent = await amina.ExpectAsync("Do you agree?");
        Assert.Equal(["agree", "decline", "language"], consent.Buttons.Select(b => b.Data));

        amina.Press("language");
        var languages = await amina.ExpectAsync("Choose your language");
        Assert.Contains(languages.Buttons, b => b.Data == "lang:en" && b.Text == "English");
        amina.Press("English");
        await amina.ExpectAsync("I will write in English");
        await amina.ExpectAsync("Do you agree?");

        amina.Press("I agree");
        await amina.ExpectAsync("quote your words");
        amina.Press("yes");
        await amina.ExpectAsync("A few short questions");
        await amina.ExpectAsync("Which area");
        amina.Send("Kibera ward 5");
        await amina.ExpectAsync("gender");
        amina.Press("woman");
        await amina.ExpectAsync("How old");
        amina.Press("25–34");
        await amina.ExpectAsync("disability");
        amina.Press("skip");
        var question = await amina.ExpectAsync("Now tell me in your own words");
        Assert.Contains(question.Entities!, e => (string)e!["type"]! == "bold");

        var first = amina.Send("The borehole near the market has been broken for a month.");
        var understood = await amina.ExpectAsync("Water and sanitation");
        Assert.Equal(["right", "change"], understood.Buttons.Select(b => b.Data));
        amina.Press("right");
        await amina.ExpectAsync("Thank you for checking");
        await amina.ExpectAsync("Anything else?");

        amina.Send("Nobody collects the rubbish on our street.");
        await amina.ExpectAsync("Something else");
        amina.Press("change");
        var themes = await amina.ExpectAsync("Which topic fits best?");
        Assert.Equal(13, themes.Buttons.Count);
        amina.Press("environment");
        await amina.ExpectAsync("I changed it to: Environment and climate");
        await amina.ExpectAsync("Anything else?");

        amina.Edit(first, "The borehole near the market has been broken for two months.");
        await amina.ExpectAsync("I saved your edited message");

        amina.Send("/mydata");
        var mydata = await amina.ExpectAsync("This is everything we keep about you");
        Assert.Contains("broken for two months", mydata.Text);
        Assert.Contains("Nobody collects the rubbish", mydata.Text);
        Assert.Contains("Environment and climate", mydata.Text);

        var participant = await host.Storage.Participants.FindByChannelUserAsync("telegram", "4242");
        Assert.NotNull(participant);
        var submissions = await host.Storage.Submissions.ListByParticipantAsync(participant.Id);
        Assert.Equal(2, submissions.Count);
        var borehole = submissions.Single(s => s.Text.Contains("borehole", StringComparison.Ordinal));
        Assert.Equal("The borehole near the market has been broken for two months.", borehole.Text);
        Assert.Equal("The borehole near the market has been broken for a month.", Assert.Single(borehole.History).Text);
        Assert.Equal(LabelSource.Citizen, borehole.LabelSource);
        var rubbish = submissions.Single(s => s != borehole);
        Assert.Equal(("environment", LabelSource.Citizen), (rubbish.Theme, rubbish.LabelSource));
        Assert.Equal("kibera ward 5", participant.Profile["location"].ToLowerInvariant());

        amina.Send("/stop");
        await amina.ExpectAsync("no more updates");
        Assert.True((await host.Storage.Participants.FindByChannelUserAsync("telegram", "4242"))!.OptedOut);

        amina.Send("/start");
        await amina.ExpectAsync("You will get our updates again");
        await amina.ExpectAsync("Now tell me in your own words");
        Assert.False((await host.Storage.Participants.FindByChannelUserAsync("telegram", "4242"))!.OptedOut);

        amina.Send("/forget");
        await amina.ExpectAsync("Are you sure?");
        amina.Press("erase");
        await amina.ExpectAsync("Everything we kept about you is erased");
        Assert.Null(await host.Storage.Participants.FindByChannelUserAsync("telegram", "4242"));
        Assert.Empty(await host.Storage.Submissions.ListByParticipantAsync(participant.Id));

        // Every button press was answered, and its keyboard taken away so it cannot be pressed twice.
        await telegram.WaitUntilAsync(() => telegram.CallsOf("answerCallbackQuery").Count == 11, TimeSpan.FromSeconds(10), "every button press answered");
        Assert.All(telegram.SentTo(4242), m => Assert.True(m.IsWellFormed()));
    }
}

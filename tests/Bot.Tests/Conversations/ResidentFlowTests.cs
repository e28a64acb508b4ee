using CitizenData.Bot.Tests.Support;
using CitizenData.Feedback.Submissions;

namespace CitizenData.Bot.Tests.Conversations;

/// <summary>Transcripts of the resident's conversation, branch by branch, through the real pipeline and SQLite.</summary>
public sealed class ResidentFlowTests : IAsyncLifetime
{
    private TestBot bot = null!;

    public async Task InitializeAsync() => bot = await TestBot.StartAsync();

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        bot.Database.Dispose();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task A_resident_consents_answers_the_profile_and_gives_input(string language)
    {
        var resident = bot.Resident("amina", locale: language);

        (await resident.Send("/start community")).ExpectSaid("consent.notice").WithButtons("agree", "decline", "language");
        (await resident.Press("agree")).ExpectSaid("quote.ask").WithButtons("yes", "no");
        (await resident.Press("yes")).ExpectSaid("profile.intro").ExpectSaid("profile.location").WithButtons("skip");
        (await resident.Send("Kibera, Laini Saba")).ExpectSaid("profile.gender").WithButtons("woman", "man", "other", "skip");
        (await resident.Press("woman")).ExpectSaid("profile.age");
        (await resident.Press("25-34")).ExpectSaid("profile.disability").WithButtons("yes", "no", "skip");
        (await resident.Press("skip")).ExpectSaid("community.question");
        (await resident.Send("The borehole on our street has been broken for three weeks")).ExpectSaid("submission.unclassified").ExpectSaid("anything.else");
        (await resident.Send("Also the road floods when it rains")).ExpectSaid("submission.unclassified");

        var participant = await bot.Storage.Participants.FindByChannelUserAsync("inprocess", "amina");
        Assert.NotNull(participant);
        Assert.Equal(language, participant.Language);
        Assert.Equal("1", participant.Consent?.Version);
        Assert.True(participant.QuoteConsent);
        Assert.Equal("Kibera, Laini Saba", participant.Profile["location"]);
        Assert.Equal("woman", participant.Profile["gender"]);
        Assert.Equal("25-34", participant.Profile["age_band"]);
        Assert.False(participant.Profile.ContainsKey("disability"));

        var submissions = await bot.Storage.Submissions.ListByParticipantAsync(participant.Id);
        Assert.Equal(2, submissions.Count);
        Assert.All(submissions, s =>
        {
            Assert.Equal("community", s.CampaignCode);
            Assert.Equal(SubmissionSource.Resident, s.Source);
            Assert.Equal(language, s.Language);
            Assert.Equal("1", s.ConsentVersion);
            Assert.True(s.NeedsReview);
        });
    }

    [Fact]
    public async Task The_language_of_the_channel_seeds_the_conversation_and_buttons_switch_it()
    {
        var resident = bot.Resident("juma", locale: "sw-KE");
        resident.Language = "sw";
        (await resident.Send("/start")).ExpectSaid("consent.notice");

        (await resident.Press("language")).ExpectSaid("language.pick");
        Assert.Contains("lang:es", Assert.IsAssignableFrom<IReadOnlyList<string>>(CitizenData.Bot.Conversations.ChoiceKeys.FromChannelData(resident.LastReply.ChannelData)));
        resident.Language = "es";
        (await resident.Press("lang:es")).ExpectSaid("language.changed").ExpectSaid("consent.notice").WithButtons("agree", "decline", "language");
    }

    [Fact]
    public async Task Declining_consent_keeps_only_an_opt_out_record()
    {
        var resident = bot.Resident("neema");
        await resident.Send("/start");
        (await resident.Press("decline")).ExpectSaid("consent.declined");
        (await resident.Send("I still want to tell you about the school")).ExpectSaid("consent.declined.again");

        var participant = await bot.Storage.Participants.FindByChannelUserAsync("inprocess", "neema");
        Assert.NotNull(participant);
        Assert.Null(participant.Consent);
        Assert.NotNull(participant.ConsentDeclinedAt);
        Assert.Null(participant.Language);
        Assert.Empty(participant.Profile);
        Assert.Empty(await bot.Storage.Submissions.ListByParticipantAsync(participant.Id));
        (await resident.Send("/mydata")).ExpectSaid("mydata.declined");
    }

    [Fact]
    public async Task Text_before_consent_is_not_collected()
    {
        var resident = bot.Resident("otieno");
        (await resident.Send("Hello, the water is dirty")).ExpectSaid("consent.notice");
        (await resident.Send("the water is dirty!!")).ExpectSaid("consent.repeat").WithButtons("agree", "decline", "language");
        Assert.Null(await bot.Storage.Participants.FindByChannelUserAsync("inprocess", "otieno"));
    }

    [Fact]
    public async Task A_resident_corrects_the_theme_with_the_buttons()
    {
        await using var classified = await TestBot.StartAsync(configure: b => b.Services.AddSingleton<CitizenData.Feedback.Themes.IThemeClassifier>(new FixedThemeClassifier("water_sanitation", 0.9)));
        var resident = classified.Resident("wanjiru");
        await resident.Send("/start");
        await resident.Press("agree");
        await resident.Press("no");
        await resident.Press("skip");
        await resident.Press("skip");
        await resident.Press("skip");
        (await resident.Press("skip")).ExpectSaid("community.question");

        (await resident.Send("There is no teacher in grade 3")).ExpectSaid("submission.classified").ExpectContaining("Water and sanitation").WithButtons("right", "change");
        (await resident.Press("change")).ExpectSaid("theme.pick");
        Assert.Equal(13, resident.LastReply.SuggestedActions!.Actions.Count);
        (await resident.Press("education")).ExpectSaid("theme.changed").ExpectContaining("Education").ExpectSaid("anything.else");

        (await resident.Send("The clinic has no medicine")).ExpectSaid("submission.classified");
        (await resident.Press("right")).ExpectSaid("theme.confirmed");

        var participant = (await classified.Storage.Participants.FindByChannelUserAsync("inprocess", "wanjiru"))!;
        var submissions = await classified.Storage.Submissions.ListByParticipantAsync(participant.Id);
        Assert.Collection(
            submissions,
            s => Assert.Equal(("education", LabelSource.Citizen, false), (s.Theme, s.LabelSource, s.NeedsReview)),
            s => Assert.Equal(("water_sanitation", LabelSource.Citizen, false), (s.Theme, s.LabelSource, s.NeedsReview)));
        classified.Database.Dispose();
    }

    [Fact]
    public async Task An_unsure_classification_says_so_and_is_marked_for_review()
    {
        await using var unsure = await TestBot.StartAsync(configure: b => b.Services.AddSingleton<CitizenData.Feedback.Themes.IThemeClassifier>(new FixedThemeClassifier("health", 0.3)));
        var resident = unsure.Resident("baraka");
        await resident.Send("/start");
        await resident.Press("agree");
        await resident.Press("yes");
        foreach (var _ in Enumerable.Range(0, 4))
            await resident.Press("skip");

        (await resident.Send("my child is sick")).ExpectSaid("submission.uncertain").WithButtons("right", "change");
        var participant = (await unsure.Storage.Participants.FindByChannelUserAsync("inprocess", "baraka"))!;
        var submission = Assert.Single(await unsure.Storage.Submissions.ListByParticipantAsync(participant.Id));
        Assert.True(submission.NeedsReview);
        Assert.Equal(LabelSource.Model, submission.LabelSource);
        unsure.Database.Dispose();
    }

    [Fact]
    public async Task Mydata_shows_everything_stored_and_forget_erases_it_after_confirmation()
    {
        var resident = await ConsentedResidentAsync("akinyi");
        await resident.Send("Street lights are off at night");

        (await resident.Send("/mydata")).ExpectSaid("mydata.header").ExpectContaining("Street lights are off at night").ExpectContaining("location: Mathare");

        (await resident.Send("/forget")).ExpectSaid("forget.confirm").WithButtons("erase", "keep");
        (await resident.Press("keep")).ExpectSaid("forget.kept");
        Assert.NotNull(await bot.Storage.Participants.FindByChannelUserAsync("inprocess", "akinyi"));

        await resident.Send("/forget");
        (await resident.Press("erase")).ExpectSaid("forget.done");
        Assert.Null(await bot.Storage.Participants.FindByChannelUserAsync("inprocess", "akinyi"));
        (await resident.Send("/mydata")).ExpectSaid("mydata.nothing");
    }

    [Fact]
    public async Task Stop_ends_updates_and_start_brings_them_back()
    {
        var resident = await ConsentedResidentAsync("kamau");
        (await resident.Send("/stop")).ExpectSaid("stop.done");
        Assert.True((await bot.Storage.Participants.FindByChannelUserAsync("inprocess", "kamau"))!.OptedOut);

        (await resident.Send("/start")).ExpectSaid("start.resumed").ExpectSaid("community.question");
        Assert.False((await bot.Storage.Participants.FindByChannelUserAsync("inprocess", "kamau"))!.OptedOut);
    }

    [Fact]
    public async Task Help_lists_the_commands_in_the_residents_language()
    {
        var resident = bot.Resident("sita", locale: "hi-IN");
        resident.Language = "hi";
        (await resident.Send("/help")).ExpectSaid("help").ExpectContaining("/mydata").ExpectContaining("/forget");
    }

    [Fact]
    public async Task An_edited_message_updates_the_submission_and_keeps_its_history()
    {
        var resident = await ConsentedResidentAsync("zawadi");
        await resident.Send("The market drain is blocked", messageId: "m-41");
        (await resident.SendActivity(new CitizenData.Bot.Conversations.Activity { Type = "messageUpdate", Id = "m-41", Text = "The market drain is blocked and smells" }))
            .ExpectSaid("edit.saved");

        var participant = (await bot.Storage.Participants.FindByChannelUserAsync("inprocess", "zawadi"))!;
        var submission = Assert.Single(await bot.Storage.Submissions.ListByParticipantAsync(participant.Id));
        Assert.Equal("The market drain is blocked and smells", submission.Text);
        Assert.Equal("The market drain is blocked", Assert.Single(submission.History).Text);
    }

    [Fact]
    public async Task Blocking_the_bot_marks_the_participant_unreachable()
    {
        var resident = await ConsentedResidentAsync("mwangi");
        (await resident.SendActivity(new CitizenData.Bot.Conversations.Activity { Type = "contactRelationUpdate", Action = "remove" })).ExpectSilence();
        Assert.True((await bot.Storage.Participants.FindByChannelUserAsync("inprocess", "mwangi"))!.Unreachable);
        await resident.SendActivity(new CitizenData.Bot.Conversations.Activity { Type = "contactRelationUpdate", Action = "add" });
        Assert.False((await bot.Storage.Participants.FindByChannelUserAsync("inprocess", "mwangi"))!.Unreachable);
    }

    private async Task<TestResident> ConsentedResidentAsync(string userId)
    {
        var resident = bot.Resident(userId);
        await resident.Send("/start");
        await resident.Press("agree");
        await resident.Press("yes");
        await resident.Send("Mathare");
        foreach (var _ in Enumerable.Range(0, 3))
            await resident.Press("skip");
        resident.ExpectSaid("community.question");
        return resident;
    }
}

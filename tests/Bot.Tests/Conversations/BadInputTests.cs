using CitizenData.Bot.Conversations;
using CitizenData.Bot.Tests.Support;

namespace CitizenData.Bot.Tests.Conversations;

/// <summary>What the bot cannot use gets a clear answer in the resident's language, and nothing stored changes.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private TestBot bot = null!;

    public static TheoryData<string, string> Cases => new()
    {
        { "en", "empty" }, { "en", "whitespace" }, { "en", "too long" }, { "en", "photo" }, { "en", "unknown command" }, { "en", "unknown campaign" },
        { "sw", "empty" }, { "sw", "whitespace" }, { "sw", "too long" }, { "sw", "photo" }, { "sw", "unknown command" }, { "sw", "unknown campaign" },
    };

    public async Task InitializeAsync() => bot = await TestBot.StartAsync();

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        bot.Database.Dispose();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_a_clear_localised_answer_and_changes_nothing_stored(string language, string input)
    {
        var resident = bot.Resident("rehema", locale: language);
        resident.Language = language;
        await resident.Send("/start");
        await resident.Press("agree");
        await resident.Press("yes");
        await resident.Send("Kisumu");
        for (var question = 0; question < 3; question++)
            await resident.Press("skip");
        await resident.Send("The health centre has no nurse at night");
        var before = await SnapshotAsync();

        var (activity, expectedKey) = input switch
        {
            "empty" => (new Activity { Text = "" }, "error.empty"),
            "whitespace" => (new Activity { Text = " \n\t " }, "error.empty"),
            "too long" => (new Activity { Text = new string('a', 5000) }, "error.too.long"),
            "photo" => (new Activity { Attachments = [new Attachment("image/jpeg", "https://example.invalid/p.jpg")] }, "error.not.text"),
            "unknown command" => (new Activity { Text = "/teleport now" }, "error.unknown.command"),
            "unknown campaign" => (new Activity { Text = "/start no-such-campaign" }, "error.unknown.campaign"),
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };
        (await resident.SendActivity(activity)).ExpectSaid(expectedKey);

        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<string> SnapshotAsync()
    {
        var participant = await bot.Storage.Participants.FindByChannelUserAsync("inprocess", "rehema");
        var submissions = await bot.Storage.Submissions.ListByParticipantAsync(participant!.Id);
        return System.Text.Json.JsonSerializer.Serialize(new { participant, submissions });
    }
}

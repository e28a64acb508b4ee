using CitizenData.Bot.Conversations;

namespace CitizenData.Bot.Tests.Support;

/// <summary>
/// One resident in a transcript test, in the style of Bot Builder's TestFlow:
/// <c>await resident.Send("/start"); resident.ExpectSaid("consent.notice").WithButtons("agree", "decline", "language");</c>
/// Expectations name bot texts by key, so the same transcript reads in any language.
/// </summary>
public sealed class TestResident(TestBot bot, string userId, string? locale)
{
    private IReadOnlyList<Activity> lastReplies = [];

    public string UserId => userId;
    public string Language { get; set; } = locale ?? "en";
    public IReadOnlyList<Activity> LastReplies => lastReplies;
    public Activity LastReply => lastReplies.Count > 0 ? lastReplies[^1] : throw new Xunit.Sdk.XunitException("The bot did not reply.");

    public async Task<TestResident> Send(string text, string? messageId = null)
    {
        await bot.Channel.ReceiveAsync(userId, new Activity { Text = text, Locale = locale, Id = messageId });
        return await Replies();
    }

    public async Task<TestResident> SendActivity(Activity activity)
    {
        await bot.Channel.ReceiveAsync(userId, activity with { Locale = activity.Locale ?? locale });
        return await Replies();
    }

    /// <summary>Presses the button with this key on the last reply, as Web Chat does: by sending its label.</summary>
    public Task<TestResident> Press(string key)
    {
        var keys = ChoiceKeys.FromChannelData(LastReply.ChannelData) ?? [];
        var index = keys.ToList().IndexOf(key);
        if (index < 0)
            throw new Xunit.Sdk.XunitException($"No button '{key}' on the last reply; buttons: {string.Join(", ", keys)}.");
        return Send(LastReply.SuggestedActions!.Actions[index].Value);
    }

    /// <summary>Asserts that one of the last replies says the text with this key (its fixed part, before any placeholder).</summary>
    public TestResident ExpectSaid(string key)
    {
        var template = bot.Texts.Get(Language, key);
        var fixedPart = template.Split('{')[0].Trim();
        var fragment = fixedPart.Length >= 8 ? fixedPart : template.Split('}')[^1].Trim();
        Assert.True(
            lastReplies.Any(r => r.Text?.Contains(fragment, StringComparison.Ordinal) == true),
            $"Expected the bot to say '{key}' ({fragment}) in {Language}; it said:\n{Transcript()}");
        return this;
    }

    public TestResident ExpectContaining(string text)
    {
        Assert.True(lastReplies.Any(r => r.Text?.Contains(text, StringComparison.Ordinal) == true), $"Expected a reply containing '{text}'; the bot said:\n{Transcript()}");
        return this;
    }

    public TestResident ExpectNotContaining(string text)
    {
        Assert.False(lastReplies.Any(r => r.Text?.Contains(text, StringComparison.Ordinal) == true), $"Expected no reply containing '{text}'; the bot said:\n{Transcript()}");
        return this;
    }

    public TestResident ExpectSilence()
    {
        Assert.True(lastReplies.Count == 0, $"Expected no reply; the bot said:\n{Transcript()}");
        return this;
    }

    /// <summary>Asserts the last reply offers exactly these buttons (by key), in this order.</summary>
    public TestResident WithButtons(params string[] keys)
    {
        Assert.Equal(keys, ChoiceKeys.FromChannelData(LastReply.ChannelData) ?? []);
        Assert.Equal(keys.Length, LastReply.SuggestedActions?.Actions.Count ?? 0);
        return this;
    }

    private async Task<TestResident> Replies()
    {
        await bot.RunPendingAsync();
        lastReplies = bot.Channel.TakeReplies(userId);
        return this;
    }

    private string Transcript() => string.Join("\n---\n", lastReplies.Select(r => r.Text));
}

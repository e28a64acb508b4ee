using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CitizenData.Bot.Admin;
using CitizenData.Bot.Channels.Telegram;
using CitizenData.Bot.Tests.Channels.Telegram;
using CitizenData.Bot.Tests.Channels.Telegram.Fake;

namespace CitizenData.Bot.Tests.Loop;

/// <summary>
/// The whole loop over the real host: residents on Telegram (the fake Bot API server) and in web chat (Direct Line 3.0
/// over HTTP) give input;
/// staff build a summary, record an action, draft a broadcast with a chart; it is refused without an approver,
/// approved, and delivered exactly once to each opted-in participant and to nobody who opted out or blocked the bot.
/// </summary>
public sealed partial class ClosingTheLoopTests
{
    private const string AdminKey = "cdk_loop-test-admin-key";
    private const string PlantedPhone = "0722123456";
    private const string PlantedEmail = "wanjiru.k@gmail.com";
    private const string DirectLineSecret = "loop-test-directline-secret-0123456789";

    [Fact]
    public async Task Thirty_residents_hear_back_exactly_once_and_nobody_who_opted_out_does()
    {
        await using var host = await TelegramTestHost.StartAsync(TelegramMode.Polling, new Dictionary<string, string>
        {
            ["Admin:InitialApiKey"] = AdminKey,
            ["Admin:InitialPassword"] = "loop-test-password-1",
            ["DirectLine:Secret"] = DirectLineSecret,
        });
        var telegram = host.Telegram;
        var baseAddress = new Uri($"http://127.0.0.1:{host.Port}");
        using var admin = Client(baseAddress, AdminKey);
        using var analyst = Client(baseAddress, await CreateKeyAsync(admin, StaffRoles.Analyst));
        using var approver = Client(baseAddress, await CreateKeyAsync(admin, StaffRoles.Approver));

        // 20 residents on Telegram, 10 in web chat.
        var telegramResidents = Enumerable.Range(1, 20).Select(n => telegram.User(7000 + n)).ToList();
        await Task.WhenAll(telegramResidents.Select((user, i) => JoinAndSayAsync(user, i)));
        using var web = new HttpClient { BaseAddress = baseAddress };
        var webResidents = await Task.WhenAll(Enumerable.Range(20, 10).Select(i => JoinWebChatAsync(web, i)));

        // Three say /stop, one blocks the bot.
        foreach (var user in telegramResidents.Take(3))
        {
            user.Send("/stop");
            await user.ExpectAsync("no more updates");
        }
        var blocker = telegramResidents[3];
        blocker.Block();
        await WaitAsync(async () => (await host.Storage.Participants.FindByChannelUserAsync("telegram", Id(blocker)))?.Unreachable == true, "the blocked resident to be marked unreachable");

        // The public summary shows no count under k and names no small group.
        var summary = await analyst.GetFromJsonAsync<JsonElement>("/api/admin/campaigns/community/summary?audience=public");
        Assert.Equal(30, summary.GetProperty("participants").GetInt32());
        AssertNoCountUnder(10, summary);
        var quotes = summary.GetProperty("quotes").ToString();
        Assert.DoesNotContain(PlantedPhone, quotes, StringComparison.Ordinal);
        Assert.DoesNotContain(PlantedEmail, quotes, StringComparison.Ordinal);
        var internalSummary = await analyst.GetFromJsonAsync<JsonElement>("/api/admin/campaigns/community/summary?audience=internal");
        Assert.Contains(internalSummary.GetProperty("themes").EnumerateArray(), t => t.GetProperty("participants").GetInt32() is > 0 and < 10);

        // "You said, we did."
        using (var action = await analyst.PostAsJsonAsync("/api/admin/campaigns/community/actions", new
        {
            themes = new[] { "water_sanitation" },
            texts = new Dictionary<string, string> { ["en"] = "The county repaired the borehole on Laini Saba road", ["sw"] = "Kaunti imekarabati kisima" },
            dutyBearer = "County water office",
            status = "done",
        }))
            Assert.Equal(HttpStatusCode.Created, action.StatusCode);

        // A draft with a chart; refused without an approver; nothing leaves.
        using var drafted = await analyst.PostAsJsonAsync("/api/admin/campaigns/community/broadcasts", new { message = "Thank you for taking part. Here is what you told us." });
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var draft = await drafted.Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("id").GetString()!;
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        using (var refused = await analyst.PostAsync($"/api/admin/broadcasts/{id}/approve", null))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var sentBefore = telegram.Sent.Count;
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(sentBefore, telegram.Sent.Count);
        var pending = await analyst.GetFromJsonAsync<JsonElement>($"/api/admin/broadcasts/{id}");
        Assert.Equal("draft", pending.GetProperty("status").GetString());
        Assert.Equal(0, pending.GetProperty("counts").GetProperty("queued").GetInt32());
        var preview = pending.GetProperty("previews").GetProperty("en").GetString()!;
        AssertNoPeopleCountUnder(10, preview);
        Assert.Contains("The county repaired the borehole", preview, StringComparison.Ordinal);
        Assert.DoesNotContain(PlantedPhone, preview, StringComparison.Ordinal);

        using (var approved = await approver.PostAsync($"/api/admin/broadcasts/{id}/approve", null))
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        using (var again = await approver.PostAsync($"/api/admin/broadcasts/{id}/approve", null))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // Delivered: 16 on Telegram (20 − 3 stopped − 1 blocked) and 10 in web chat.
        JsonElement report = default;
        await WaitAsync(async () =>
        {
            report = await analyst.GetFromJsonAsync<JsonElement>($"/api/admin/broadcasts/{id}");
            return report.GetProperty("counts").GetProperty("sent").GetInt32() == 26 && report.GetProperty("status").GetString() == "enqueued";
        }, "the broadcast to be delivered");
        var counts = report.GetProperty("counts");
        Assert.Equal((0, 26, 0, 1, 3), (counts.GetProperty("queued").GetInt32(), counts.GetProperty("sent").GetInt32(), counts.GetProperty("failed").GetInt32(), counts.GetProperty("unreachable").GetInt32(), counts.GetProperty("optedOut").GetInt32()));
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // anything sent twice would show now

        foreach (var user in telegramResidents)
        {
            var photos = telegram.SentTo(user.Id).Where(m => m.Method == "sendPhoto").ToList();
            var expected = telegramResidents.IndexOf(user) < 4 ? 0 : 1;
            Assert.True(photos.Count == expected, $"user {user.Id} got {photos.Count} broadcasts, expected {expected}");
            var header = telegram.SentTo(user.Id).Count(m => m.Text?.Contains("what you told us", StringComparison.Ordinal) == true);
            Assert.Equal(expected, header);
        }
        foreach (var (token, conversation) in webResidents)
        {
            var activities = await ActivitiesAsync(web, token, conversation);
            var broadcast = Assert.Single(activities, a => a.TryGetProperty("attachments", out var list) && list.GetArrayLength() > 0);
            Assert.Contains("what you told us", broadcast.GetProperty("text").GetString(), StringComparison.Ordinal);
            var image = broadcast.GetProperty("attachments")[0];
            Assert.Equal("image/png", image.GetProperty("contentType").GetString());
            using var png = await web.GetAsync(image.GetProperty("contentUrl").GetString());
            Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync())[..4]);
        }

        // /updates shows the recorded action to someone who raised water.
        var waterResident = telegramResidents[4];
        await waterResident.DrainAsync(TimeSpan.FromMilliseconds(200));
        waterResident.Send("/updates");
        var updates = await waterResident.ExpectAsync("Your updates");
        Assert.Contains("The county repaired the borehole", updates.Text, StringComparison.Ordinal);
        Assert.Contains("County water office", updates.Text, StringComparison.Ordinal);
    }

    /// <summary>Residents 0–13 raise water, 14–23 health, 24–29 schools; resident 5 plants a phone number and an email.</summary>
    private static string InputOf(int i) => i switch
    {
        5 => $"The borehole water is dirty, call me on {PlantedPhone} or write to {PlantedEmail} for details",
        < 14 => "The borehole is broken and there is no clean water for our families",
        < 24 => "The clinic has no medicine and the nurse comes only twice a week",
        _ => "The school roof leaks and children sit on the floor",
    };

    private static async Task JoinAndSayAsync(FakeTelegramUser user, int i)
    {
        user.Send("/start community");
        await user.ExpectAsync("Do you agree?");
        user.Press("agree");
        await user.ExpectAsync("quote your words");
        user.Press("yes");
        await user.ExpectAsync("A few short questions");
        await user.ExpectAsync("Which area");
        user.Send(i % 2 == 0 ? "Kibera" : "Mathare");
        await user.ExpectAsync("What is your gender?");
        user.Press(i % 3 == 0 ? "man" : "woman");
        await user.ExpectAsync("How old are you?");
        user.Press("skip");
        await user.ExpectAsync("disability");
        user.Press("skip");
        await user.ExpectAsync("Now tell me in your own words");
        user.Send(InputOf(i));
        await user.ExpectAsync("Is that right?");
        user.Press("right");
        await user.ExpectAsync("Thank you for checking");
        await user.ExpectAsync("Anything else?");
    }

    /// <summary>A web chat resident over Direct Line 3.0, as a page server starts it: consent, quotes, area, skips, input.</summary>
    private static async Task<(string Token, string ConversationId)> JoinWebChatAsync(HttpClient web, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DirectLineSecret);
        using var response = await web.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var (token, conversation) = (body.GetProperty("token").GetString()!, body.GetProperty("conversationId").GetString()!);
        await SayAsync(web, token, conversation, null, "Do you agree?");
        await SayAsync(web, token, conversation, "I agree", "quote your words");
        await SayAsync(web, token, conversation, "Yes", "Which area");
        await SayAsync(web, token, conversation, "Kibera", "What is your gender?");
        await SayAsync(web, token, conversation, "Skip", "How old are you?");
        await SayAsync(web, token, conversation, "Skip", "disability");
        await SayAsync(web, token, conversation, "Skip", "Now tell me in your own words");
        await SayAsync(web, token, conversation, InputOf(i), "I saved that");
        return (token, conversation);
    }

    /// <summary>Sends a message (unless null) and polls until the bot says something containing <paramref name="expected"/>.</summary>
    private static async Task SayAsync(HttpClient web, string token, string conversation, string? text, string expected)
    {
        var before = (await ActivitiesAsync(web, token, conversation)).Count;
        if (text is not null)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities")
            {
                Content = JsonContent.Create(new { type = "message", from = new { id = "someone" }, text, channelData = new { clientActivityID = Guid.NewGuid().ToString("N") } }),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var posted = await web.SendAsync(post);
            posted.EnsureSuccessStatusCode();
        }
        await WaitAsync(async () => (await ActivitiesAsync(web, token, conversation)).Skip(text is null ? 0 : before)
            .Any(a => a.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) && role.GetString() == "bot"
                && a.TryGetProperty("text", out var said) && said.GetString()?.Contains(expected, StringComparison.Ordinal) == true), $"web chat: {expected}");
    }

    private static async Task<List<JsonElement>> ActivitiesAsync(HttpClient web, string token, string conversation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await web.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];
    }

    private static void AssertNoCountUnder(int k, JsonElement summary)
    {
        foreach (var theme in summary.GetProperty("themes").EnumerateArray())
            AssertCount(k, theme, "participants");
        foreach (var breakdown in summary.GetProperty("breakdowns").EnumerateArray())
        {
            foreach (var value in breakdown.GetProperty("values").EnumerateArray())
                AssertCount(k, value, "participants");
            foreach (var cell in breakdown.GetProperty("cells").EnumerateArray())
                AssertCount(k, cell, "participants");
        }
    }

    private static void AssertCount(int k, JsonElement element, string property)
    {
        if (element.TryGetProperty(property, out var count) && count.ValueKind == JsonValueKind.Number)
            Assert.True(count.GetInt32() >= k, $"A public count of {count.GetInt32()} (under {k}): {element}");
    }

    private static void AssertNoPeopleCountUnder(int k, string text)
    {
        foreach (Match match in PeopleCount().Matches(text))
            Assert.True(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) >= k, $"'{match.Value}' in: {text}");
    }

    [GeneratedRegex(@"(\d+) people")]
    private static partial Regex PeopleCount();

    private static HttpClient Client(Uri baseAddress, string key)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<string> CreateKeyAsync(HttpClient admin, string role)
    {
        using var response = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = role + "-key", role });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    private static string Id(FakeTelegramUser user) => user.Id.ToString(CultureInfo.InvariantCulture);

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited 60 s for {what}.");
            await Task.Delay(50);
        }
    }
}

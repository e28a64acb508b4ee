using System.Text.Json.Nodes;

namespace CitizenData.Bot.Tests.Channels.Telegram.Fake;

/// <summary>
/// A person with a phone, talking to the bot through the fake Telegram: sends texts, presses buttons, edits messages,
/// sends photos and stickers, blocks the bot; reads the bot's replies in order.
/// </summary>
public sealed class FakeTelegramUser(FakeTelegramServer telegram, long id, string languageCode, string firstName)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private int read;

    public long Id { get; } = id;

    /// <summary>The update_id of the last thing this user did.</summary>
    public int LastUpdateId { get; private set; }

    public JsonObject From => new() { ["id"] = Id, ["is_bot"] = false, ["first_name"] = firstName, ["language_code"] = languageCode };

    /// <summary>Sends a text; returns the message id (what an edit later names).</summary>
    public int Send(string text)
    {
        var message = Message();
        message["text"] = text;
        if (text.StartsWith('/'))
        {
            var length = text.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? space : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        }
        LastUpdateId = telegram.Enqueue(new JsonObject { ["message"] = message });
        return (int)message["message_id"]!;
    }

    /// <summary>The update JSON of a text message, not yet delivered (for replay and webhook tests).</summary>
    public string TextUpdateJson(int updateId, string text)
    {
        var message = Message();
        message["text"] = text;
        return new JsonObject { ["update_id"] = updateId, ["message"] = message }.ToJsonString();
    }

    public void Edit(int messageId, string text)
    {
        var message = Message(messageId);
        message["text"] = text;
        message["edit_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        LastUpdateId = telegram.Enqueue(new JsonObject { ["edited_message"] = message });
    }

    public void SendPhoto(string? caption = null)
    {
        var message = Message();
        message["photo"] = new JsonArray(
            new JsonObject { ["file_id"] = "AgAD-small", ["file_unique_id"] = "s1", ["width"] = 90, ["height"] = 67, ["file_size"] = 1200 },
            new JsonObject { ["file_id"] = "AgAD-large", ["file_unique_id"] = "l1", ["width"] = 1280, ["height"] = 960, ["file_size"] = 98000 });
        if (caption is not null)
            message["caption"] = caption;
        LastUpdateId = telegram.Enqueue(new JsonObject { ["message"] = message });
    }

    public void SendSticker()
    {
        var message = Message();
        message["sticker"] = new JsonObject
        {
            ["file_id"] = "CAAC-sticker", ["file_unique_id"] = "st1", ["type"] = "regular", ["width"] = 512, ["height"] = 512,
            ["is_animated"] = false, ["is_video"] = false, ["emoji"] = "👍",
        };
        LastUpdateId = telegram.Enqueue(new JsonObject { ["message"] = message });
    }

    /// <summary>Presses the button whose label or callback data is <paramref name="button"/> on the bot's latest keyboard.</summary>
    public void Press(string button)
    {
        var withKeyboard = telegram.SentTo(Id).LastOrDefault(m => m.Buttons.Count > 0)
            ?? throw new InvalidOperationException($"User {Id} has no message with buttons.");
        var match = withKeyboard.Buttons.FirstOrDefault(b => b.Text == button || b.Data == button);
        if (match == default)
            throw new InvalidOperationException($"No button '{button}' on the latest keyboard: {string.Join(", ", withKeyboard.Buttons.Select(b => $"{b.Text} [{b.Data}]"))}.");
        LastUpdateId = telegram.Enqueue(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = $"{Id}{Random.Shared.Next(100_000, 999_999)}",
                ["from"] = From,
                ["message"] = FakeTelegramServer.MessageJson(withKeyboard),
                ["chat_instance"] = "-" + Id,
                ["data"] = match.Data,
            },
        });
    }

    /// <summary>Blocks the bot: Telegram tells the bot (my_chat_member) and refuses its messages with 403 from now on.</summary>
    public void Block()
    {
        telegram.SetBlocked(Id, true);
        ChangeMembership("member", "kicked");
    }

    public void Unblock()
    {
        telegram.SetBlocked(Id, false);
        ChangeMembership("kicked", "member");
    }

    /// <summary>The bot's next message to this user (waits for it); each message is read once.</summary>
    public async Task<SentMessage> NextReplyAsync(TimeSpan? timeout = null)
    {
        await telegram.WaitUntilAsync(() => telegram.SentTo(Id).Count > read, timeout ?? DefaultTimeout, $"a reply to user {Id} (read {read})");
        return telegram.SentTo(Id)[read++];
    }

    /// <summary>The next reply must contain <paramref name="text"/>.</summary>
    public async Task<SentMessage> ExpectAsync(string text, TimeSpan? timeout = null)
    {
        var reply = await NextReplyAsync(timeout);
        if (reply.Text is null || !reply.Text.Contains(text, StringComparison.Ordinal))
            throw new InvalidOperationException($"Expected a reply containing “{text}” but got “{reply.Text}”.");
        return reply;
    }

    /// <summary>Every reply not read yet, after waiting <paramref name="quiet"/> for stragglers.</summary>
    public async Task<IReadOnlyList<SentMessage>> DrainAsync(TimeSpan quiet)
    {
        await Task.Delay(quiet);
        var all = telegram.SentTo(Id);
        var rest = all.Skip(read).ToList();
        read = all.Count;
        return rest;
    }

    private void ChangeMembership(string from, string to) =>
        LastUpdateId = telegram.Enqueue(new JsonObject
        {
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = FakeTelegramServer.ChatJson(Id),
                ["from"] = From,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["old_chat_member"] = new JsonObject { ["user"] = FakeTelegramServer.BotUser(), ["status"] = from },
                ["new_chat_member"] = new JsonObject { ["user"] = FakeTelegramServer.BotUser(), ["status"] = to, ["until_date"] = 0 },
            },
        });

    private JsonObject Message(int? messageId = null) => new()
    {
        ["message_id"] = messageId ?? telegram.NextMessageId(Id),
        ["from"] = From,
        ["chat"] = new JsonObject { ["id"] = Id, ["type"] = "private", ["first_name"] = firstName },
        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    };
}

using System.Text.Json;
using System.Text.Json.Nodes;
using CitizenData.Bot.Channels.DirectLine;
using CitizenData.Bot.Conversations;

namespace CitizenData.Bot.Tests.Channels.DirectLine;

/// <summary>The pure mapping, against payloads recorded from the official clients (Payloads/*.json).</summary>
public sealed class DirectLineMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WebChatsMessageBecomesAnInboxActivityOfTheTokensUser()
    {
        var posted = DirectLineMapper.Parse(Recorded("webchat-4.18.1-message.json"));

        var inbound = DirectLineMapper.ToInbound(posted, "conv", "dl_token-user", "conv|0000002", Now, conversationLocale: "fr");

        Assert.Equal(PostOutcome.Accepted, posted.Outcome);
        Assert.Equal("message", inbound.Type);
        Assert.Equal("conv|0000002", inbound.Id);
        Assert.Equal("directline", inbound.ChannelId);
        Assert.Equal(new ChannelAccount("dl_token-user", Role: "user"), inbound.From);
        Assert.Equal("conv", inbound.Conversation?.Id);
        Assert.Equal("I agree", inbound.Text);
        Assert.Equal("en-GB", inbound.Locale); // the activity's own locale wins over the conversation's
        Assert.False(inbound.HasAttachments);
    }

    [Fact]
    public void TheUserIdInTheBodyIsNeverUsed()
    {
        var posted = DirectLineMapper.Parse(Recorded("directlinejs-0.15.8-message.json"));

        var inbound = DirectLineMapper.ToInbound(posted, "conv", "dl_token-user", "conv|0000007", Now, null);
        var echo = JsonNode.Parse(DirectLineMapper.ToEcho(posted, "conv", "dl_token-user", 7, Now))!;

        Assert.Equal("dl_token-user", inbound.From?.Id);
        Assert.Equal("dl_token-user", (string?)echo["from"]!["id"]);
        Assert.Equal("sw-KE", inbound.Locale);
    }

    [Fact]
    public void TheEchoKeepsTheClientActivityIdAndCarriesTheServerIdSequenceAndUserRole()
    {
        var posted = DirectLineMapper.Parse(Recorded("webchat-4.18.1-message.json"));

        var echo = JsonNode.Parse(DirectLineMapper.ToEcho(posted, "conv", "dl_token-user", 2, Now))!;

        Assert.Equal("conv|0000002", (string?)echo["id"]);
        Assert.Equal("lqcydhy8j1", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal(2, (long)echo["channelData"]![DirectLineMapper.SequenceIdProperty]!);
        Assert.Equal("user", (string?)echo["from"]!["role"]);
        Assert.Equal("directline", (string?)echo["channelId"]);
        Assert.Equal("conv", (string?)echo["conversation"]!["id"]);
        Assert.Equal("2026-11-24T12:00:00.0000000Z", (string?)echo["timestamp"]);
        Assert.Equal("I agree", (string?)echo["text"]);
    }

    [Fact]
    public void ABotReplyIsMarkdownInOrderWithButtonsForEveryone()
    {
        var reply = new Activity
        {
            Text = "Do you agree?",
            ReplyToId = "conv|0000002",
            SuggestedActions = new SuggestedActions([new CardAction("imBack", "I agree", "I agree")], To: ["someone"]),
            ChannelData = ChoiceKeys.ToChannelData([new Choice("agree", "I agree")]),
            Attachments = [new Attachment("image/png", "https://example.org/chart.png")],
        };

        var activity = JsonNode.Parse(DirectLineMapper.ToBotActivity(reply, "conv", 3, Now))!;

        Assert.Equal("conv|0000003", (string?)activity["id"]);
        Assert.Equal("bot", (string?)activity["from"]!["role"]);
        Assert.Equal(DirectLineMapper.BotId, (string?)activity["from"]!["id"]);
        Assert.Equal("markdown", (string?)activity["textFormat"]);
        Assert.Equal(3, (long)activity["channelData"]![DirectLineMapper.SequenceIdProperty]!);
        Assert.Equal("agree", (string?)activity["channelData"]!["choiceKeys"]![0]);
        Assert.Null(activity["suggestedActions"]!["to"]);
        Assert.Equal("I agree", (string?)activity["suggestedActions"]!["actions"]![0]!["value"]);
        Assert.Equal("conv|0000002", (string?)activity["replyToId"]);
        Assert.Equal("image/png", (string?)activity["attachments"]![0]!["contentType"]);
        Assert.Equal("https://example.org/chart.png", (string?)activity["attachments"]![0]!["contentUrl"]);
    }

    [Theory]
    [InlineData("conv|start")]
    [InlineData("other|0000002")]
    [InlineData("conv|")]
    public void AReplyToAnActivityTheClientNeverSawNamesNone(string replyToId)
    {
        var activity = JsonNode.Parse(DirectLineMapper.ToBotActivity(new Activity { Text = "Hello", ReplyToId = replyToId }, "conv", 1, Now))!;

        Assert.Null(activity["replyToId"]);
    }

    [Fact]
    public void TypingIndicatorsEachHaveTheirOwnIdAndSitBetweenTheMessageAndItsAnswer()
    {
        var first = JsonNode.Parse(DirectLineMapper.ToTyping("conv", 4, Now))!;
        var second = JsonNode.Parse(DirectLineMapper.ToTyping("conv", 4, Now))!;

        Assert.Equal("typing", (string?)first["type"]);
        Assert.NotEqual((string?)first["id"], (string?)second["id"]);
        Assert.Equal(4.5, (double)first["channelData"]![DirectLineMapper.SequenceIdProperty]!);
    }

    [Fact]
    public void AnActivitySetCarriesTheWatermarkAsAString()
    {
        using var set = JsonDocument.Parse(DirectLineMapper.ToActivitySet(["""{"type":"message","id":"a"}""", """{"type":"message","id":"b"}"""], 12));

        Assert.Equal(2, set.RootElement.GetProperty("activities").GetArrayLength());
        Assert.Equal("12", set.RootElement.GetProperty("watermark").GetString());
    }

    [Theory]
    [InlineData(null, true, 0)]
    [InlineData("", true, 0)]
    [InlineData("42", true, 42)]
    [InlineData("-1", false, 0)]
    [InlineData("4x", false, 0)]
    [InlineData("99999999999999999999", false, 0)]
    public void WatermarksAreSequencesWeGaveOut(string? watermark, bool valid, long sequence)
    {
        Assert.Equal(valid, DirectLineMapper.TryParseWatermark(watermark, out var parsed));
        if (valid)
            Assert.Equal(sequence, parsed);
    }

    [Fact]
    public void AttachmentsAreKeptAsNamesOnlyAndLeaveTheTextEmpty()
    {
        var posted = DirectLineMapper.Parse(JsonNode.Parse("""{"type":"message","attachments":[{"contentType":"image/jpeg","name":"photo.jpg","contentUrl":"blob:https://x/1"}]}"""));

        var inbound = DirectLineMapper.ToInbound(posted, "conv", "dl_u", "conv|0000004", Now, null);

        Assert.Null(inbound.Text);
        var attachment = Assert.Single(inbound.Attachments!);
        Assert.Equal(new Attachment("image/jpeg", Name: "photo.jpg"), attachment);
    }

    private static JsonNode Recorded(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "DirectLine", "Payloads", name)))!;
}

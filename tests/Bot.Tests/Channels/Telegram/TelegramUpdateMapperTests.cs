using System.Text.Json;
using CitizenData.Bot.Channels.Telegram;
using CitizenData.Bot.Conversations;
using CitizenData.Bot.Conversations.Flows;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace CitizenData.Bot.Tests.Channels.Telegram;

/// <summary>The mapper against update files recorded in the Bot API's own shape.</summary>
public sealed class TelegramUpdateMapperTests
{
    private static TelegramIncoming? Map(string file)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "Telegram", "Updates", file));
        var update = JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!;
        return TelegramUpdateMapper.Map(update);
    }

    [Fact]
    public void TextMessageBecomesAMessageActivityWithTheResidentsLanguage()
    {
        var incoming = Map("text_message.json")!;
        var activity = incoming.Activity!;
        Assert.Equal("700000101", incoming.UpdateKey);
        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("telegram", activity.ChannelId);
        Assert.Equal("17", activity.Id);
        Assert.Equal("4242", activity.From!.Id);
        Assert.Null(activity.From.Name); // names are not kept
        Assert.Equal(new ConversationAccount("4242", false), activity.Conversation);
        Assert.Equal("sw", activity.Locale);
        Assert.Equal("The borehole near the market is broken.", activity.Text);
        Assert.False(activity.HasAttachments);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763990000), activity.Timestamp);
        Assert.Null(incoming.Button);
    }

    [Fact]
    public void DeepLinkKeepsItsCampaignCode()
    {
        var activity = Map("deep_link_start.json")!.Activity!;
        Assert.Equal(new Command("start", "community"), Command.Parse(activity.Text!));
    }

    [Fact]
    public void CommandAddressedToTheBotKeepsItsNameForTheParser()
    {
        Assert.Equal("help", Command.Parse(Map("command_with_botname.json")!.Activity!.Text!)!.Name);
    }

    [Fact]
    public void GroupMessageIsAGroupConversationFromItsSender()
    {
        var activity = Map("group_command.json")!.Activity!;
        Assert.Equal(new ConversationAccount("-1001234567890", true), activity.Conversation);
        Assert.Equal("4242", activity.From!.Id);
    }

    [Fact]
    public void ButtonPressIsTheResidentSayingTheButtonsKeyAndMustBeAnswered()
    {
        var incoming = Map("callback_query.json")!;
        Assert.Equal("agree", incoming.Activity!.Text);
        Assert.Equal(ActivityTypes.Message, incoming.Activity.Type);
        Assert.Equal("callback:4382bfdwdsb323b2d9", incoming.Activity.Id);
        Assert.Equal("4242", incoming.Activity.Conversation!.Id);
        Assert.Equal(new ButtonPress("4382bfdwdsb323b2d9", "4242", 19), incoming.Button);
    }

    [Fact]
    public void ButtonOnAMessageTooOldToShowStillCountsAndIsAnswered()
    {
        var incoming = Map("callback_query_inaccessible_message.json")!;
        Assert.Equal("right", incoming.Activity!.Text);
        Assert.Equal("4242", incoming.Activity.Conversation!.Id);
        Assert.NotNull(incoming.Button);
    }

    [Fact]
    public void EditedMessageNamesTheMessageItChanges()
    {
        var activity = Map("edited_message.json")!.Activity!;
        Assert.Equal(ActivityTypes.MessageUpdate, activity.Type);
        Assert.Equal("17", activity.Id);
        Assert.Equal("The borehole near the market has been broken for a month.", activity.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763990090), activity.Timestamp);
    }

    [Theory]
    [InlineData("my_chat_member_blocked.json", "remove")]
    [InlineData("my_chat_member_unblocked.json", "add")]
    public void BlockingAndUnblockingChangeReachability(string file, string action)
    {
        var activity = Map(file)!.Activity!;
        Assert.Equal(ActivityTypes.ContactRelationUpdate, activity.Type);
        Assert.Equal(action, activity.Action);
        Assert.Equal("4242", activity.From!.Id);
        Assert.Equal("4242", activity.Conversation!.Id);
    }

    [Theory]
    [InlineData("photo.json", "image/jpeg")]
    [InlineData("voice.json", "audio/ogg")]
    [InlineData("sticker.json", "application/vnd.telegram.sticker")]
    [InlineData("location.json", "application/vnd.telegram.location")]
    [InlineData("document.json", "application/pdf")]
    public void WhatIsNotTextArrivesAsAnAttachmentWithoutText(string file, string contentType)
    {
        var activity = Map(file)!.Activity!;
        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Null(activity.Text);
        Assert.Equal(contentType, Assert.Single(activity.Attachments!).ContentType);
        Assert.Equal("sw", activity.Locale);
    }

    [Fact]
    public void CaptionIsTheTextOfAPhoto()
    {
        var activity = Map("photo_with_caption.json")!.Activity!;
        Assert.Equal("This is the broken borehole.", activity.Text);
        Assert.True(activity.HasAttachments);
    }

    [Theory]
    [InlineData("new_chat_members.json")]
    [InlineData("channel_post.json")]
    [InlineData("my_chat_member_removed_from_group.json")]
    public void UpdatesWithNothingForTheConversationAreDropped(string file)
    {
        Assert.Null(Map(file));
    }

    [Fact]
    public void MappedActivitiesSurviveTheInbox()
    {
        var activity = Map("callback_query.json")!.Activity!;
        Assert.Equal(activity, ActivityJson.Deserialize(ActivityJson.Serialize(activity)));
    }
}

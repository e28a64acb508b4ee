using System.Security.Cryptography;
using System.Text.Json;
using CitizenData.Bot.Conversations;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Channels.DirectLine;

/// <summary>
/// Direct Line conversations over the durable store: starting them, committing what residents post (log and inbox in
/// one transaction, before the client is answered), appending what the bot says, and waking the open streams.
/// </summary>
public sealed class DirectLineConversations(IFeedbackStorage storage, DirectLineStreams streams, WorkSignals signals, TimeProvider clock)
{
    /// <summary>Activities per GET or per WebSocket frame; clients ask again from the new watermark.</summary>
    public const int PageSize = 100;

    /// <summary>Log entries of what residents typed carry this source key prefix (retention deletes them by it).</summary>
    public const string UserSourceKeyPrefix = "user:";

    public static string NewConversationId() => Random(16);

    public static string NewUserId() => "dl_" + Random(12);

    public Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        storage.DirectLine.FindConversationAsync(conversationId, cancellationToken);

    /// <summary>
    /// Creates the conversation if it does not exist and, when it is new, has the bot open it: a <c>/start</c> (with the
    /// campaign, if one was asked for) goes into the inbox as the resident's first turn, so they are greeted with the
    /// consent notice without typing anything. Returns the conversation and whether it was created now.
    /// </summary>
    public async Task<(DirectLineConversation Conversation, bool Created)> StartAsync(
        string conversationId, string userId, string? locale, string? campaign, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var details = new ConversationDetails(locale, campaign);
        var conversation = new DirectLineConversation(conversationId, userId, now, JsonSerializer.Serialize(details, StorageJson.Options));
        if (!await storage.DirectLine.CreateConversationAsync(conversation, cancellationToken))
        {
            var existing = await FindAsync(conversationId, cancellationToken)
                ?? throw new InvalidOperationException($"Conversation {conversationId} vanished.");
            return (existing, false);
        }
        var start = new Activity
        {
            Type = ActivityTypes.Message,
            Id = $"{conversationId}|start",
            Timestamp = now,
            ChannelId = DirectLineMapper.Channel,
            From = new ChannelAccount(userId, Role: "user"),
            Conversation = new ConversationAccount(conversationId),
            Locale = locale,
            Text = string.IsNullOrEmpty(campaign) ? "/start" : $"/start {campaign}",
        };
        await storage.Inbox.TryAddAsync(new InboxEntry(DirectLineMapper.Channel, start.Id, conversationId, ActivityJson.Serialize(start), now), cancellationToken);
        signals.Inbox.Notify();
        return (conversation, true);
    }

    /// <summary>
    /// Commits a resident's message: the echo into the conversation's log and the activity into the inbox, atomically.
    /// Only then is the client answered with the id, and the open streams woken.
    /// </summary>
    public async Task<string> PostAsync(DirectLineConversation conversation, string userId, PostedActivity posted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var now = clock.GetUtcNow();
        var conversationId = conversation.ConversationId;
        var locale = ConversationDetails.Read(conversation.Document).Locale;
        // The server id names the activity everywhere: in the log, in the inbox (its update key) and in the replies.
        var sourceKey = UserSourceKeyPrefix + Guid.NewGuid().ToString("N");
        var appended = await storage.DirectLine.AppendAsync(
            conversationId,
            sourceKey,
            sequence => DirectLineMapper.ToEcho(posted, conversationId, userId, sequence, now),
            now,
            sequence =>
            {
                var id = DirectLineMapper.ActivityId(conversationId, sequence);
                var inbound = DirectLineMapper.ToInbound(posted, conversationId, userId, id, now, locale);
                return new InboxEntry(DirectLineMapper.Channel, id, conversationId, ActivityJson.Serialize(inbound), now);
            },
            cancellationToken);
        // Typing first, so it reaches the streams before the turn can answer (a late one would linger for 5 s).
        streams.Typing(conversationId, appended.Sequence);
        streams.Notify(conversationId);
        signals.Inbox.Notify();
        return DirectLineMapper.ActivityId(conversationId, appended.Sequence);
    }

    /// <summary>Appends a reply or broadcast. <paramref name="sourceKey"/> (the outbox item) makes a resend after a crash a no-op.</summary>
    public async Task<bool> AppendBotAsync(string conversationId, string sourceKey, Activity reply, CancellationToken cancellationToken)
    {
        if (await FindAsync(conversationId, cancellationToken) is null)
            return false;
        var now = clock.GetUtcNow();
        await storage.DirectLine.AppendAsync(
            conversationId,
            sourceKey,
            sequence => DirectLineMapper.ToBotActivity(reply, conversationId, sequence, now),
            now,
            cancellationToken: cancellationToken);
        streams.Notify(conversationId);
        return true;
    }

    public Task<IReadOnlyList<DirectLineLogEntry>> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        storage.DirectLine.ReadAsync(conversationId, watermark, PageSize, cancellationToken);

    private static string Random(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>What the channel keeps about a conversation besides its ids: the locale and campaign it was opened with.</summary>
public sealed record ConversationDetails(string? Locale, string? Campaign)
{
    public static ConversationDetails Read(string document) =>
        JsonSerializer.Deserialize<ConversationDetails>(document, StorageJson.Options) ?? new ConversationDetails(null, null);
}

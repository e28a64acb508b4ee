using System.Collections.Concurrent;
using CitizenData.Bot.Conversations;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Channels.InProcess;

/// <summary>
/// A channel that lives inside the process: residents are code, replies land in memory. The demo and the transcript
/// tests use it; it goes through the same inbox, turn pipeline and outbox as Telegram and Direct Line.
/// </summary>
public sealed class InProcessChannel(IFeedbackStorage storage, WorkSignals signals, TimeProvider clock) : IChannelSender
{
    public const string Name = "inprocess";
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Activity>> delivered = new();
    private long updates;

    public string Channel => Name;

    public int MaxConcurrency => 4;

    /// <summary>
    /// What a resident sends: committed to the inbox, as a real channel does before acknowledging. The same
    /// <paramref name="updateKey"/> twice is one delivery replayed; by default every call is a new delivery.
    /// </summary>
    public async Task<bool> ReceiveAsync(string userId, Activity activity, string? updateKey = null, CancellationToken cancellationToken = default)
    {
        var key = updateKey ?? $"{userId}-{Interlocked.Increment(ref updates)}-{Guid.NewGuid():N}";
        var incoming = activity with
        {
            Id = activity.Id ?? key,
            ChannelId = Name,
            From = new ChannelAccount(userId, Role: "user"),
            Conversation = new ConversationAccount(userId),
            Timestamp = activity.Timestamp ?? clock.GetUtcNow(),
        };
        var added = await storage.Inbox.TryAddAsync(
            new InboxEntry(Name, key, userId, ActivityJson.Serialize(incoming), clock.GetUtcNow()),
            cancellationToken);
        signals.Inbox.Notify();
        return added;
    }

    public Task<bool> SendTextAsync(string userId, string text, string? locale = null, CancellationToken cancellationToken = default) =>
        ReceiveAsync(userId, new Activity { Text = text, Locale = locale }, cancellationToken: cancellationToken);

    public Task<SendOutcome> SendAsync(OutboxItem item, Activity activity, CancellationToken cancellationToken)
    {
        delivered.GetOrAdd(item.ConversationId, _ => new ConcurrentQueue<Activity>()).Enqueue(activity);
        return Task.FromResult(SendOutcome.Sent);
    }

    /// <summary>Takes the replies delivered to a resident since the last call.</summary>
    public IReadOnlyList<Activity> TakeReplies(string userId)
    {
        var replies = new List<Activity>();
        if (delivered.TryGetValue(userId, out var queue))
            while (queue.TryDequeue(out var reply))
                replies.Add(reply);
        return replies;
    }
}

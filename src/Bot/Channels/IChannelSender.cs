using CitizenData.Bot.Conversations;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Channels;

/// <summary>Delivers outbox messages to one channel. Pacing to the channel's limits is the sender's business.</summary>
public interface IChannelSender
{
    string Channel { get; }

    /// <summary>How many conversations may be sent to at once; order within a conversation is always kept.</summary>
    int MaxConcurrency => 1;

    Task<SendOutcome> SendAsync(OutboxItem item, Activity activity, CancellationToken cancellationToken);
}

/// <summary>What happened to one message.</summary>
public abstract record SendOutcome
{
    public static SendOutcome Sent { get; } = new Delivered();

    public sealed record Delivered : SendOutcome;

    /// <summary>Try again after <paramref name="Delay"/> (rate limit, network or server error).</summary>
    public sealed record RetryLater(TimeSpan Delay, string Reason) : SendOutcome;

    /// <summary>Give up. <paramref name="RecipientUnreachable"/> when the channel refuses this recipient for good (blocked).</summary>
    public sealed record Failed(string Reason, bool RecipientUnreachable) : SendOutcome;
}

using CitizenData.Bot.Conversations;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Channels.DirectLine;

/// <summary>
/// Delivers replies and broadcasts to Direct Line conversations by appending them to the conversation's durable log:
/// open streams get them at once, and a resident who was away reads them from their watermark when they come back.
/// </summary>
public sealed class DirectLineSender(DirectLineConversations conversations) : IChannelSender
{
    public string Channel => DirectLineMapper.Channel;

    /// <summary>Appending is a local write, so many conversations can be served at once.</summary>
    public int MaxConcurrency => 16;

    public async Task<SendOutcome> SendAsync(OutboxItem item, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityTypes.Typing)
            return SendOutcome.Sent;
        var appended = await conversations.AppendBotAsync(item.ConversationId, $"outbox:{item.Sequence}", activity, cancellationToken);
        return appended ? SendOutcome.Sent : new SendOutcome.Failed($"There is no Direct Line conversation '{item.ConversationId}'.", RecipientUnreachable: true);
    }
}

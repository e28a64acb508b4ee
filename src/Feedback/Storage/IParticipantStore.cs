using CitizenData.Feedback.Participants;

namespace CitizenData.Feedback.Storage;

public interface IParticipantStore
{
    Task<Participant?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<Participant?> FindByChannelUserAsync(string channel, string channelUserId, CancellationToken cancellationToken = default);

    /// <summary>The participant a channel conversation belongs to (a private chat, a web chat conversation).</summary>
    Task<Participant?> FindByConversationAsync(string channel, string conversationId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Participant>> ListByCampaignAsync(string campaignCode, CancellationToken cancellationToken = default);

    /// <summary>Optimistic save: version 0 creates; otherwise the stored version must match. Returns the saved participant.</summary>
    Task<Participant> SaveAsync(Participant participant, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes every record about the participant: the participant, their submissions, their conversation state and the
    /// content of their inbox and outbox rows, and the activity log of a Direct Line conversation. Returns false when there
    /// was no such participant.
    /// </summary>
    Task<bool> EraseAsync(string participantId, CancellationToken cancellationToken = default);
}

using CitizenData.Feedback.Participants;
using CitizenData.Feedback.Submissions;

namespace CitizenData.Feedback.Storage;

/// <summary>
/// The writes of one turn. Applied in this order: inbox completion (which fails the commit if another worker already
/// handled the item), erasure, participants, submissions, state, outbox, so that a reply confirming an erasure survives it.
/// </summary>
public sealed class TurnCommit
{
    public required ConversationKey Conversation { get; init; }
    /// <summary>The inbox item this turn handled; marked processed (and its payload dropped) by the commit.</summary>
    public long? InboxSequence { get; init; }
    public string? ErasedParticipantId { get; set; }
    public List<Participant> Participants { get; } = [];
    public List<Submission> Submissions { get; } = [];
    /// <summary>Null leaves the state as it is.</summary>
    public string? StateDocument { get; set; }
    public long ExpectedStateVersion { get; set; }
    public List<OutboxEntry> Outgoing { get; } = [];
}

using System.Text.Json;
using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Conversations;

/// <summary>
/// Takes committed inbox items through the turn pipeline and commits what each turn produced (state, participant,
/// submissions, replies into the outbox, the inbox item marked done) in one transaction. A crash before that commit
/// leaves the item pending, so the turn runs again; after it, the item is done and never runs twice.
/// </summary>
public sealed partial class TurnProcessor(IFeedbackStorage storage, TurnPipeline pipeline, BotTexts texts, TurnErrorHandler errors, WorkSignals signals, ILogger<TurnProcessor> logger)
{
    /// <summary>After this many failed attempts the turn is answered with an apology and set aside.</summary>
    public const int MaxAttempts = 3;
    private const int ParallelConversations = 8;

    /// <summary>Processes up to <paramref name="max"/> pending items: conversations in parallel, each conversation in order.</summary>
    public async Task<int> ProcessPendingAsync(int max, CancellationToken cancellationToken)
    {
        var pending = await storage.Inbox.PendingAsync(max, cancellationToken);
        if (pending.Count == 0)
            return 0;
        var conversations = pending.GroupBy(item => item.Conversation).ToList();
        await Parallel.ForEachAsync(
            conversations,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelConversations, CancellationToken = cancellationToken },
            async (items, ct) =>
            {
                foreach (var item in items)
                {
                    if (!await TryProcessAsync(item, ct))
                        break; // keep the conversation's order: later items wait for this one
                }
            });
        signals.Outbox.Notify();
        return pending.Count;
    }

    /// <summary>Returns false when the item stays pending (to be tried again).</summary>
    public async Task<bool> TryProcessAsync(InboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync(item, cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException e)
        {
            // Another worker or instance moved this conversation on: reload and run the turn again next pass.
            LogConflict(item.Sequence, e.Message);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await storage.Inbox.RecordFailureAsync(item.Sequence, e.Message, cancellationToken);
            if (item.Attempts + 1 < MaxAttempts)
            {
                LogRetry(e, item.Sequence, item.Attempts + 1);
                return false;
            }
            LogGivingUp(e, item.Sequence);
            await storage.Turns.CommitAsync(await errors.RecoverAsync(item, cancellationToken), cancellationToken);
            return true;
        }
    }

    private async Task ProcessAsync(InboxItem item, CancellationToken cancellationToken)
    {
        var activity = ActivityJson.Deserialize(item.Payload);
        var stored = await storage.ConversationStates.LoadAsync(item.Conversation, cancellationToken);
        var state = ReadState(stored, item);
        var participant = activity.From is { } from
            ? await storage.Participants.FindByChannelUserAsync(item.Channel, from.Id, cancellationToken)
            : null;
        var turn = new TurnContext(activity, item.Conversation, state, participant, texts, item.ReceivedAt);

        await pipeline.RunAsync(turn, cancellationToken);
        await storage.Turns.CommitAsync(ToCommit(turn, item, stored?.Version ?? 0), cancellationToken);
    }

    internal static TurnCommit ToCommit(TurnContext turn, InboxItem item, long stateVersion)
    {
        var commit = new TurnCommit
        {
            Conversation = item.Conversation,
            InboxSequence = item.Sequence,
            ErasedParticipantId = turn.Erased ? turn.Participant?.Id : null,
            // Erasure deletes the state with everything else; the next message starts afresh.
            StateDocument = turn.Erased ? null : JsonSerializer.Serialize(turn.State, StorageJson.Options),
            ExpectedStateVersion = stateVersion,
        };
        if (!turn.Erased)
        {
            if (turn.ParticipantChanged && turn.Participant is { } participant)
                commit.Participants.Add(participant);
            commit.Submissions.AddRange(turn.SubmissionWrites);
        }
        commit.Outgoing.AddRange(turn.Replies.Select(reply => new OutboxEntry(item.Channel, item.ConversationId, ActivityJson.Serialize(reply), turn.Now)));
        return commit;
    }

    private ConversationState ReadState(StoredState? stored, InboxItem item)
    {
        if (stored is null)
            return new ConversationState();
        try
        {
            return JsonSerializer.Deserialize<ConversationState>(stored.Document, StorageJson.Options) ?? new ConversationState();
        }
        catch (JsonException e)
        {
            // A state we cannot read must not block the conversation for good: start it afresh.
            LogBrokenState(e, item.Conversation.ToString());
            return new ConversationState();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbox item {Sequence} conflicted ({Reason}); it will be retried.")]
    private partial void LogConflict(long sequence, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox item {Sequence} failed (attempt {Attempt}); it will be retried.")]
    private partial void LogRetry(Exception exception, long sequence, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox item {Sequence} failed for good; the resident gets an apology and the conversation is reset.")]
    private partial void LogGivingUp(Exception exception, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation state of {Conversation} could not be read; starting afresh.")]
    private partial void LogBrokenState(Exception exception, string conversation);
}

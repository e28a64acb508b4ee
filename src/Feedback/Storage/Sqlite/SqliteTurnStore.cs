namespace CitizenData.Feedback.Storage.Sqlite;

internal sealed class SqliteTurnStore(SqliteDatabase database) : ITurnStore
{
    public Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            // First: erasure below also closes the conversation's inbox rows, this one included, and completing it
            // afterwards would look like a second worker had done it (a conflict, retried forever).
            if (commit.InboxSequence is { } sequence)
                await SqliteInbox.CompleteAsync(connection, transaction, sequence, cancellationToken);
            if (commit.ErasedParticipantId is { } erased)
                await SqliteParticipantStore.EraseAsync(connection, transaction, erased, cancellationToken);
            foreach (var participant in commit.Participants)
                await SqliteParticipantStore.SaveAsync(connection, transaction, participant, cancellationToken);
            foreach (var submission in commit.Submissions)
                await SqliteSubmissionStore.SaveAsync(connection, transaction, submission, cancellationToken);
            if (commit.StateDocument is { } state)
                await SqliteConversationStateStore.SaveAsync(connection, transaction, commit.Conversation, state, commit.ExpectedStateVersion, cancellationToken);
            await SqliteOutbox.EnqueueAsync(connection, transaction, commit.Outgoing, cancellationToken);
        }, cancellationToken);
}

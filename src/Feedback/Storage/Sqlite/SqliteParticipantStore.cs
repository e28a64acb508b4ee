using CitizenData.Feedback.Participants;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

internal sealed class SqliteParticipantStore(SqliteDatabase database) : IParticipantStore
{
    private const string Columns = "document, version";
    /// <summary>The channel whose conversations keep an activity log of their own (<see cref="IDirectLineStore"/>).</summary>
    private const string DirectLineChannel = "directline";

    public Task<Participant?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        SingleAsync("WHERE id = $id", cancellationToken, ("$id", id));

    public Task<Participant?> FindByChannelUserAsync(string channel, string channelUserId, CancellationToken cancellationToken = default) =>
        SingleAsync("WHERE channel = $channel AND channel_user_id = $user", cancellationToken, ("$channel", channel), ("$user", channelUserId));

    public Task<Participant?> FindByConversationAsync(string channel, string conversationId, CancellationToken cancellationToken = default) =>
        SingleAsync("WHERE channel = $channel AND conversation_id = $conversation LIMIT 1", cancellationToken, ("$channel", channel), ("$conversation", conversationId));

    public Task<IReadOnlyList<Participant>> ListByCampaignAsync(string campaignCode, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Participant>>(async connection =>
            await connection.QueryAsync(null, $"SELECT {Columns} FROM participants WHERE campaign_code = $code ORDER BY id;", Read, cancellationToken, ("$code", campaignCode)),
            cancellationToken);

    public Task<Participant> SaveAsync(Participant participant, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => SaveAsync(connection, transaction, participant, cancellationToken), cancellationToken);

    public Task<bool> EraseAsync(string participantId, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => EraseAsync(connection, transaction, participantId, cancellationToken), cancellationToken);

    internal static async Task<Participant> SaveAsync(SqliteConnection connection, SqliteTransaction transaction, Participant participant, CancellationToken cancellationToken)
    {
        var version = await VersionedRows.SaveAsync(
            connection, transaction, "participants", ("id", participant.Id), participant.Version,
            [
                ("channel", participant.Channel),
                ("channel_user_id", participant.ChannelUserId),
                ("conversation_id", participant.ConversationId),
                ("campaign_code", participant.CampaignCode),
                ("opted_out", participant.OptedOut),
                ("unreachable", participant.Unreachable),
                ("document", StorageJson.Serialize(participant with { Version = 0 })),
            ],
            cancellationToken);
        await ProfileCells.TagParticipantAsync(connection, transaction, participant, cancellationToken);
        return participant with { Version = version };
    }

    /// <summary>
    /// Deletes the participant and everything about them. Inbox rows keep only their (channel, update key) so a replay of
    /// an old update is still recognised, but lose their content and their link to the conversation. A Direct Line
    /// conversation also loses its activity log (both sides of the chat).
    /// </summary>
    internal static async Task<bool> EraseAsync(SqliteConnection connection, SqliteTransaction transaction, string participantId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(
            transaction,
            "SELECT channel, conversation_id, profile_cell FROM participants WHERE id = $id;",
            r => (Key: new ConversationKey(r.GetString(0), r.GetString(1)), Cell: r.IsDBNull(2) ? (long?)null : r.GetInt64(2)),
            cancellationToken,
            ("$id", participantId));
        if (rows.Count == 0)
            return false;
        var (conversation, cell) = rows[0];
        (string, object?)[] keys = [("$id", participantId), ("$channel", conversation.Channel), ("$conversation", conversation.ConversationId)];
        await connection.ExecuteAsync(transaction, "DELETE FROM reviews WHERE submission_id IN (SELECT id FROM submissions WHERE participant_id = $id);", cancellationToken, keys);
        await connection.ExecuteAsync(transaction, "DELETE FROM submissions WHERE participant_id = $id;", cancellationToken, keys);
        await connection.ExecuteAsync(transaction, "DELETE FROM participants WHERE id = $id;", cancellationToken, keys);
        await connection.ExecuteAsync(transaction, "DELETE FROM broadcast_recipients WHERE participant_id = $id;", cancellationToken, keys);
        if (cell is { } profileCell)
            await ProfileCells.DropIfUnusedAsync(connection, transaction, profileCell, cancellationToken);
        await connection.ExecuteAsync(transaction, "DELETE FROM conversation_states WHERE channel = $channel AND conversation_id = $conversation;", cancellationToken, keys);
        await connection.ExecuteAsync(transaction, "DELETE FROM outbox WHERE channel = $channel AND conversation_id = $conversation;", cancellationToken, keys);
        if (conversation.Channel == DirectLineChannel)
            await SqliteDirectLineStore.EraseLogAsync(connection, transaction, conversation.ConversationId, cancellationToken);
        await connection.ExecuteAsync(
            transaction,
            "UPDATE inbox SET payload = NULL, conversation_id = NULL, last_error = NULL, processed_at = COALESCE(processed_at, $now) WHERE channel = $channel AND conversation_id = $conversation;",
            cancellationToken,
            [.. keys, ("$now", DateTimeOffset.UtcNow.ToStored())]);
        return true;
    }

    private Task<Participant?> SingleAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync(null, $"SELECT {Columns} FROM participants {where};", Read, cancellationToken, parameters)).FirstOrDefault(),
            cancellationToken);

    private static Participant Read(SqliteDataReader reader) =>
        StorageJson.Deserialize<Participant>(reader.GetString(0)) with { Version = reader.GetInt64(1) };
}

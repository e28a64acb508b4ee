using System.Text.Encodings.Web;
using System.Text.Json;
using CitizenData.Feedback.Participants;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

/// <summary>
/// Keeps participants and their submissions tagged with their profile cell (see migration 0006), so summaries need no
/// join. Called inside the transaction that saves the participant or the submission.
/// </summary>
internal static class ProfileCells
{
    private static readonly JsonSerializerOptions Canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The profile as sorted, compact JSON: equal profiles give equal text.</summary>
    public static string CanonicalProfile(IReadOnlyDictionary<string, string> profile) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(profile.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal), Canonical);

    public static async Task TagParticipantAsync(SqliteConnection connection, SqliteTransaction transaction, Participant participant, CancellationToken cancellationToken)
    {
        var profile = CanonicalProfile(participant.Profile);
        (string, object?)[] parameters = [("$code", participant.CampaignCode), ("$profile", profile), ("$id", participant.Id), ("$quote", participant.QuoteConsent == true)];
        await connection.ExecuteAsync(transaction, "INSERT OR IGNORE INTO profile_cells (campaign_code, profile) VALUES ($code, $profile);", cancellationToken, parameters);
        var cell = (long)(await connection.ScalarAsync(transaction, "SELECT id FROM profile_cells WHERE campaign_code = $code AND profile = $profile;", cancellationToken, parameters))!;
        var previous = await connection.ScalarAsync(transaction, "SELECT profile_cell FROM participants WHERE id = $id;", cancellationToken, parameters);
        await connection.ExecuteAsync(transaction, "UPDATE participants SET profile_cell = $cell, quote_consent = $quote WHERE id = $id;", cancellationToken, [.. parameters, ("$cell", cell)]);
        if (previous is long old && old == cell)
            return;
        await connection.ExecuteAsync(transaction, "UPDATE submissions SET profile_cell = $cell WHERE participant_id = $id;", cancellationToken, [.. parameters, ("$cell", cell)]);
        if (previous is long stale)
            await DropIfUnusedAsync(connection, transaction, stale, cancellationToken);
    }

    public static Task TagSubmissionAsync(SqliteConnection connection, SqliteTransaction transaction, string submissionId, string participantId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            transaction,
            "UPDATE submissions SET profile_cell = (SELECT profile_cell FROM participants WHERE id = $participant) WHERE id = $id;",
            cancellationToken,
            ("$id", submissionId),
            ("$participant", participantId));

    /// <summary>A cell nobody has any more goes, so an erased resident's answers do not linger in it.</summary>
    public static Task DropIfUnusedAsync(SqliteConnection connection, SqliteTransaction transaction, long cell, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            transaction,
            "DELETE FROM profile_cells WHERE id = $cell AND NOT EXISTS (SELECT 1 FROM participants WHERE profile_cell = $cell);",
            cancellationToken,
            ("$cell", cell));
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CitizenData.Feedback.Participants;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Submissions;
using Microsoft.Data.Sqlite;

namespace CitizenData.SummaryBench;

/// <summary>
/// Writes a synthetic campaign straight into the SQLite schema in one transaction (the stores' one-row transactions
/// would take minutes for a million rows), with the same columns and documents the stores write.
/// </summary>
internal static class Seeding
{
    public static readonly string[] Themes = ["water_sanitation", "health", "education", "food_security", "livelihoods", "infrastructure", "shelter", "safety", "governance", "environment", "inclusion", "aid", "other"];
    private static readonly string[] Locations = [.. Enumerable.Range(1, 20).Select(i => $"Ward {i}")];
    private static readonly string?[] Genders = ["woman", "man", "other", null];
    private static readonly string?[] Ages = ["18-24", "25-34", "35-49", "50-64", null];
    private static readonly string?[] Disabilities = ["yes", "no", null];
    private static readonly JsonSerializerOptions Canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task SeedAsync(string path, string campaign, string channel, int participants, int submissions, DateTimeOffset start)
    {
        var random = new Random(42);
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var cells = new Dictionary<string, long>(StringComparer.Ordinal);

        using var insertCell = Command(connection, transaction, "INSERT INTO profile_cells (campaign_code, profile) VALUES ($c, $p); SELECT last_insert_rowid();", "$c", "$p");
        using var insertParticipant = Command(connection, transaction,
            "INSERT INTO participants (id, channel, channel_user_id, conversation_id, campaign_code, opted_out, unreachable, document, version, profile_cell, quote_consent) VALUES ($id, $ch, $u, $u, $c, $o, 0, $doc, 1, $cell, $q);",
            "$id", "$ch", "$u", "$c", "$o", "$doc", "$cell", "$q");
        var ids = new string[participants];
        var cellOf = new long[participants];
        for (var n = 0; n < participants; n++)
        {
            var profile = new SortedDictionary<string, string>(StringComparer.Ordinal);
            profile["location"] = Locations[Skewed(random, Locations.Length)];
            Maybe(profile, "gender", Genders[random.Next(Genders.Length)]);
            Maybe(profile, "age_band", Ages[random.Next(Ages.Length)]);
            Maybe(profile, "disability", Disabilities[random.Next(Disabilities.Length)]);
            var key = JsonSerializer.Serialize(profile, Canonical);
            if (!cells.TryGetValue(key, out var cell))
            {
                insertCell.Parameters["$c"].Value = campaign;
                insertCell.Parameters["$p"].Value = key;
                cells[key] = cell = (long)(await insertCell.ExecuteScalarAsync())!;
            }
            var chat = (1_000_000 + n).ToString(CultureInfo.InvariantCulture);
            var participant = new Participant
            {
                Id = ids[n] = $"p_{n:0000000}",
                Channel = channel,
                ChannelUserId = chat,
                ConversationId = chat,
                CampaignCode = campaign,
                Language = "en",
                Consent = new ConsentRecord("1", "en", start),
                QuoteConsent = n % 3 == 0,
                OptedOut = n % 50 == 49,
                Profile = profile,
                CreatedAt = start,
            };
            cellOf[n] = cell;
            Set(insertParticipant, ("$id", participant.Id), ("$ch", channel), ("$u", chat), ("$c", campaign), ("$o", participant.OptedOut ? 1 : 0), ("$doc", StorageJson.Serialize(participant)), ("$cell", cell), ("$q", participant.QuoteConsent == true ? 1 : 0));
            await insertParticipant.ExecuteNonQueryAsync();
        }

        using var insertSubmission = Command(connection, transaction,
            "INSERT INTO submissions (id, participant_id, campaign_code, channel, source, language, received_at, theme, confidence, label_source, needs_review, document, version, profile_cell) VALUES ($id, $p, $c, $ch, 'Resident', 'en', $at, $t, $conf, $ls, $nr, $doc, 1, $cell);",
            "$id", "$p", "$c", "$ch", "$at", "$t", "$conf", "$ls", "$nr", "$doc", "$cell");
        for (var n = 0; n < submissions; n++)
        {
            var who = n < participants ? n : random.Next(participants);
            var theme = Themes[Skewed(random, Themes.Length)];
            var at = start.AddSeconds(n % (90 * 24 * 3600));
            var confidence = 0.3 + (random.NextDouble() * 0.7);
            var labelSource = n % 7 == 0 ? LabelSource.Citizen : LabelSource.Model;
            var submission = new Submission
            {
                Id = $"s_{n:00000000}",
                ParticipantId = ids[who],
                CampaignCode = campaign,
                Channel = channel,
                Source = SubmissionSource.Resident,
                Language = "en",
                Text = $"Input {n} about {theme.Replace('_', ' ')}: the borehole near the market is broken again",
                ReceivedAt = at,
                ConsentVersion = "1",
                Theme = theme,
                Confidence = confidence,
                LabelSource = labelSource,
                NeedsReview = confidence < 0.5,
            };
            Set(insertSubmission, ("$id", submission.Id), ("$p", submission.ParticipantId), ("$c", campaign), ("$ch", channel),
                ("$at", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)), ("$t", theme), ("$conf", confidence),
                ("$ls", labelSource.ToString()), ("$nr", submission.NeedsReview ? 1 : 0), ("$doc", StorageJson.Serialize(submission)), ("$cell", cellOf[who]));
            await insertSubmission.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>Zipf-like: a few big values, a long tail of small ones (so suppression has work to do).</summary>
    private static int Skewed(Random random, int count) => Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), 2.2)));

    private static void Maybe(SortedDictionary<string, string> profile, string key, string? value)
    {
        if (value is not null)
            profile[key] = value;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void Set(SqliteCommand command, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values)
            command.Parameters[name].Value = value;
    }
}

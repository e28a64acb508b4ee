using System.Text.Json;
using CitizenData.Feedback.Summaries;
using CitizenData.Feedback.Themes;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

/// <summary>
/// Summary aggregates in one pass over the covering index ix_submissions_summary: SQLite groups submissions by
/// (profile cell, participant, theme) in index order, so there is no sort and no join; this class then folds the
/// stream into per-cell counts (distinct participants per cell and per cell and theme). Profiles are read once per
/// cell from profile_cells, not once per participant.
/// </summary>
internal sealed class SqliteSummaryStore(SqliteDatabase database) : ISummaryStore
{
    private const string CountSql = """
        SELECT profile_cell, participant_id, COALESCE(theme, $other), COUNT(*),
               SUM(theme IS NOT NULL),
               SUM(label_source = 'Model' AND confidence >= $high),
               SUM(label_source IN ('Citizen', 'Reviewer'))
        FROM submissions INDEXED BY ix_submissions_summary
        WHERE campaign_code = $code AND ($from IS NULL OR received_at >= $from) AND ($to IS NULL OR received_at < $to)
        GROUP BY profile_cell, participant_id, theme;
        """;

    public Task<SummaryCounts> CountAsync(string campaignCode, DateTimeOffset? from, DateTimeOffset? to, double highConfidence, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var cells = new Dictionary<long, CellAccumulator>();
            int inputs = 0, classified = 0, high = 0, confirmed = 0;
            await using (var command = connection.Command(null, CountSql, ("$code", campaignCode), ("$from", from.ToStored()), ("$to", to.ToStored()), ("$high", highConfidence), ("$other", ThemeTaxonomy.Other)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                CellAccumulator? cell = null;
                long cellId = long.MinValue;
                string? participant = null;
                var participantThemes = new HashSet<string>(StringComparer.Ordinal);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var id = reader.IsDBNull(0) ? -1 : reader.GetInt64(0);
                    if (cell is null || id != cellId)
                    {
                        cellId = id;
                        cell = cells.TryGetValue(id, out var existing) ? existing : cells[id] = new CellAccumulator();
                        participant = null;
                    }

                    var who = reader.GetString(1);
                    var n = reader.GetInt32(3);
                    // Rows arrive ordered by participant within the cell: a new id is a new participant.
                    if (!string.Equals(who, participant, StringComparison.Ordinal))
                    {
                        participant = who;
                        participantThemes.Clear();
                        cell.Participants++;
                    }
                    cell.Inputs += n;
                    var theme = reader.GetString(2);
                    // Unsorted inputs count as "other": both may appear for one participant, who counts once.
                    cell.Add(theme, n, isNewParticipant: participantThemes.Add(theme));
                    inputs += n;
                    classified += reader.GetInt32(4);
                    high += reader.GetInt32(5);
                    confirmed += reader.GetInt32(6);
                }
            }

            var profiles = await ProfilesAsync(connection, cells.Keys, cancellationToken);
            var result = cells.Select(c => new ProfileCellCounts(
                profiles.GetValueOrDefault(c.Key) ?? new Dictionary<string, string>(),
                c.Value.Participants,
                c.Value.Inputs,
                c.Value.Themes.ToDictionary(t => t.Key, t => new ThemeCount(t.Value.Participants, t.Value.Inputs), StringComparer.Ordinal))).ToList();
            return new SummaryCounts(result, new LabelQualityCounts(inputs, classified, high, confirmed));
        }, cancellationToken);

    public Task<IReadOnlyList<QuoteCandidate>> QuoteCandidatesAsync(string campaignCode, DateTimeOffset? from, DateTimeOffset? to, int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<QuoteCandidate>>(async connection => await connection.QueryAsync(
            null,
            """
            SELECT s.id, s.theme, json_extract(s.document, '$.text')
            FROM submissions s INDEXED BY ix_submissions_campaign
            JOIN participants p ON p.id = s.participant_id
            WHERE s.campaign_code = $code AND s.theme IS NOT NULL AND p.quote_consent = 1
              AND ($from IS NULL OR s.received_at >= $from) AND ($to IS NULL OR s.received_at < $to)
            ORDER BY s.received_at DESC
            LIMIT $max;
            """,
            r => new QuoteCandidate(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? string.Empty : r.GetString(2)),
            cancellationToken,
            ("$code", campaignCode), ("$from", from.ToStored()), ("$to", to.ToStored()), ("$max", max)), cancellationToken);

    private static async Task<Dictionary<long, IReadOnlyDictionary<string, string>>> ProfilesAsync(SqliteConnection connection, IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, IReadOnlyDictionary<string, string>>();
        foreach (var chunk in ids.Where(id => id >= 0).Chunk(500))
        {
            var rows = await connection.QueryAsync(
                null,
                $"SELECT id, profile FROM profile_cells WHERE id IN ({string.Join(",", chunk)});",
                r => (Id: r.GetInt64(0), Profile: r.GetString(1)),
                cancellationToken);
            foreach (var (id, profile) in rows)
                result[id] = JsonSerializer.Deserialize<Dictionary<string, string>>(profile) ?? [];
        }
        return result;
    }

    private sealed class CellAccumulator
    {
        public int Participants { get; set; }
        public int Inputs { get; set; }
        public Dictionary<string, (int Participants, int Inputs)> Themes { get; } = new(StringComparer.Ordinal);

        public void Add(string theme, int inputs, bool isNewParticipant)
        {
            var (p, i) = Themes.GetValueOrDefault(theme);
            Themes[theme] = (isNewParticipant ? p + 1 : p, i + inputs);
        }
    }
}

using System.Text.Json;
using CitizenData.Feedback.Summaries;
using Microsoft.Data.Sqlite;

namespace CitizenData.Feedback.Storage.Sqlite;

/// <summary>
/// Summary aggregates with two scans of the covering index ix_submissions_summary (campaign, profile cell, theme,
/// participant, time, label): distinct participants and inputs per (cell, theme), and distinct participants per cell.
/// SQLite returns a few thousand rows (cells × themes), not a row per submission; profiles are read once per cell
/// from profile_cells, never parsed from participant documents.
/// </summary>
internal sealed partial class SqliteSummaryStore(SqliteDatabase database) : ISummaryStore
{
    private const string Period = "campaign_code = $code AND ($from IS NULL OR received_at >= $from) AND ($to IS NULL OR received_at < $to)";

    private const string ByCellAndTheme = $"""
        SELECT profile_cell, theme, COUNT(DISTINCT participant_id), COUNT(*),
               SUM(label_source = 'Model' AND confidence >= $high),
               SUM(label_source IN ('Citizen', 'Reviewer'))
        FROM submissions INDEXED BY ix_submissions_summary
        WHERE {Period}
        GROUP BY profile_cell, theme;
        """;

    private const string ByCell = $"""
        SELECT profile_cell, COUNT(DISTINCT participant_id), COUNT(*)
        FROM submissions INDEXED BY ix_submissions_summary
        WHERE {Period}
        GROUP BY profile_cell;
        """;

    public Task<SummaryCounts> CountAsync(string campaignCode, DateTimeOffset? from, DateTimeOffset? to, double highConfidence, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            // COUNT(DISTINCT) builds a temporary b-tree per group: in memory, not in a temp file.
            await connection.ExecuteAsync(null, "PRAGMA temp_store = MEMORY;", cancellationToken);
            (string, object?)[] parameters = [("$code", campaignCode), ("$from", from.ToStored()), ("$to", to.ToStored()), ("$high", highConfidence)];
            var themeRows = await connection.QueryAsync(
                null,
                ByCellAndTheme,
                r => (Cell: r.IsDBNull(0) ? -1 : r.GetInt64(0), Theme: r.IsDBNull(1) ? SummaryCounts.Unsorted : r.GetString(1), Participants: r.GetInt32(2), Inputs: r.GetInt32(3), High: r.GetInt32(4), Confirmed: r.GetInt32(5)),
                cancellationToken,
                parameters);
            var cellRows = await connection.QueryAsync(
                null,
                ByCell,
                r => (Cell: r.IsDBNull(0) ? -1 : r.GetInt64(0), Participants: r.GetInt32(1), Inputs: r.GetInt32(2)),
                cancellationToken,
                parameters);

            var profiles = await ProfilesAsync(connection, cellRows.Select(c => c.Cell), cancellationToken);
            var themesByCell = themeRows.ToLookup(r => r.Cell);
            var cells = cellRows.Select(c => new ProfileCellCounts(
                profiles.GetValueOrDefault(c.Cell) ?? new Dictionary<string, string>(),
                c.Participants,
                c.Inputs,
                themesByCell[c.Cell].ToDictionary(t => t.Theme, t => new ThemeCount(t.Participants, t.Inputs), StringComparer.Ordinal))).ToList();
            var quality = new LabelQualityCounts(
                themeRows.Sum(r => r.Inputs),
                themeRows.Where(r => r.Theme != SummaryCounts.Unsorted).Sum(r => r.Inputs),
                themeRows.Sum(r => r.High),
                themeRows.Sum(r => r.Confirmed));
            return new SummaryCounts(cells, quality);
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
}

namespace CitizenData.Feedback.Privacy;

public enum ExportFormat
{
    Csv,
    Json,
}

public enum ExportAudience
{
    /// <summary>The CSO itself: one row per submission, free text included, participants as pseudonyms.</summary>
    Internal,
    /// <summary>Anyone: counts only, no free text, no count below the campaign's privacy threshold.</summary>
    Public,
}

/// <summary>What to export from a campaign: format, audience, and an optional period (from inclusive, to exclusive).</summary>
public sealed record ExportRequest(ExportFormat Format, ExportAudience Audience = ExportAudience.Internal, DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    public string Extension => Format == ExportFormat.Csv ? "csv" : "json";

    public string ContentType => Format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";

    public string FileName(string campaignCode) =>
        $"{campaignCode}-{(Audience == ExportAudience.Public ? "public" : "submissions")}.{Extension}";
}

namespace CitizenData.Feedback.Summaries;

/// <summary>Who a summary is for. Everything that leaves the CSO (broadcasts, public pages, public exports) is public.</summary>
public enum SummaryAudience
{
    /// <summary>CSO staff: every count, nothing suppressed.</summary>
    Internal,
    /// <summary>Residents and the world: small cells suppressed, with complementary suppression.</summary>
    Public,
}

namespace CitizenData.Feedback.Staff;

/// <summary>
/// One change of data by staff: who (a user name, or <c>apikey:&lt;id&gt;</c>), when, what (an action such as
/// <c>campaign.update</c>), on which record, and the details that matter to a later reader.
/// </summary>
public sealed record AuditEntry(string Actor, DateTimeOffset At, string Action, string Target, string? Details = null)
{
    /// <summary>Assigned by the log; 0 before the entry is stored.</summary>
    public long Sequence { get; init; }
}

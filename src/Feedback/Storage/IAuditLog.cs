using CitizenData.Feedback.Staff;

namespace CitizenData.Feedback.Storage;

/// <summary>Append-only record of every change staff make to data.</summary>
public interface IAuditLog
{
    Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The newest entries first, optionally only those about one target (a campaign code, a submission id…).</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string? target = null, int max = 100, CancellationToken cancellationToken = default);
}

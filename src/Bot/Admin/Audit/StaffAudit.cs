using System.Security.Claims;
using System.Text.Json;
using CitizenData.Bot.Admin.Auth;
using CitizenData.Feedback.Staff;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Admin.Audit;

/// <summary>
/// Records a change of data by staff in the audit log: who, when, what, on which record. Call it after the change is
/// stored. Details are serialised as JSON; never put a resident's words or channel ids in them.
/// </summary>
public sealed class StaffAudit(IAuditLog log, TimeProvider clock)
{
    public Task<AuditEntry> RecordAsync(ClaimsPrincipal user, string action, string target, object? details = null, CancellationToken cancellationToken = default) =>
        RecordAsync(StaffActor.Name(user), action, target, details, cancellationToken);

    public Task<AuditEntry> RecordAsync(string actor, string action, string target, object? details = null, CancellationToken cancellationToken = default) =>
        log.AppendAsync(
            new AuditEntry(actor, clock.GetUtcNow(), action, target, details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web)),
            cancellationToken);
}

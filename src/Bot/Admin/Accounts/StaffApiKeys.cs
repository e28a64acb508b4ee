using CitizenData.Bot.Admin.Audit;
using CitizenData.Bot.Admin.Auth;
using CitizenData.Feedback.Staff;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Admin.Accounts;

/// <summary>API keys: created for a role (the key is returned once, only its hash is kept), listed, revoked. Audited.</summary>
public sealed class StaffApiKeys(IStaffStore store, StaffAudit audit, TimeProvider clock)
{
    /// <summary>Creates a key; <paramref name="key"/> is a given secret (first run) or null for a new random one.</summary>
    public async Task<(ApiKey Stored, string Key)> CreateAsync(string name, string role, string actor, string? key = null, CancellationToken cancellationToken = default)
    {
        key ??= ApiKeySecrets.NewKey();
        var stored = await store.SaveApiKeyAsync(
            new ApiKey { Id = ApiKey.NewId(), Name = name, Role = role, KeyHash = ApiKeySecrets.Hash(key), CreatedBy = actor, CreatedAt = clock.GetUtcNow() },
            cancellationToken);
        await audit.RecordAsync(actor, "apikey.create", "apikey:" + stored.Id, new { name, role }, cancellationToken);
        return (stored, key);
    }

    public async Task<ApiKey?> RevokeAsync(string id, string actor, CancellationToken cancellationToken = default)
    {
        var stored = await store.GetApiKeyAsync(id, cancellationToken);
        if (stored is null)
            return null;
        if (stored.IsRevoked)
            return stored;
        stored = await store.SaveApiKeyAsync(stored with { RevokedAt = clock.GetUtcNow() }, cancellationToken);
        await audit.RecordAsync(actor, "apikey.revoke", "apikey:" + id, new { stored.Name, stored.Role }, cancellationToken);
        return stored;
    }
}

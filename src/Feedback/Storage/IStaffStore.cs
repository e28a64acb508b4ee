using CitizenData.Feedback.Staff;

namespace CitizenData.Feedback.Storage;

/// <summary>Staff accounts and API keys, each a versioned document.</summary>
public interface IStaffStore
{
    Task<StaffAccount?> GetAccountAsync(string userName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StaffAccount>> ListAccountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Optimistic save: version 0 creates; otherwise the stored version must match.</summary>
    Task<StaffAccount> SaveAccountAsync(StaffAccount account, CancellationToken cancellationToken = default);

    Task<bool> DeleteAccountAsync(string userName, CancellationToken cancellationToken = default);

    Task<ApiKey?> GetApiKeyAsync(string id, CancellationToken cancellationToken = default);

    Task<ApiKey?> FindApiKeyByHashAsync(string keyHash, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Optimistic save: version 0 creates; otherwise the stored version must match.</summary>
    Task<ApiKey> SaveApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the installation secret with this name, creating it with <paramref name="create"/> the first time.
    /// Concurrent first calls agree on one value.
    /// </summary>
    Task<string> GetOrCreateSecretAsync(string name, Func<string> create, CancellationToken cancellationToken = default);
}

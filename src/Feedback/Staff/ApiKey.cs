namespace CitizenData.Feedback.Staff;

/// <summary>
/// A key a machine presents as <c>Authorization: Bearer &lt;key&gt;</c>. Only the SHA-256 hash of the key is stored; the
/// key itself is shown once, when it is created. A revoked key stops working at once.
/// </summary>
public sealed record ApiKey
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Role { get; init; }
    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public required string KeyHash { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public long Version { get; init; }

    public bool IsRevoked => RevokedAt is not null;

    public static string NewId() => "k_" + Guid.NewGuid().ToString("N")[..16];
}

namespace CitizenData.Feedback.Staff;

/// <summary>
/// A CSO staff member who signs in to the dashboard. The role is one of the staff role names the host authorises by;
/// the password is stored only as a salted hash.
/// </summary>
public sealed record StaffAccount
{
    public required string UserName { get; init; }
    public required string Role { get; init; }
    public required string PasswordHash { get; init; }
    /// <summary>Wrong passwords since the last successful sign-in; reaching the limit locks the account.</summary>
    public int FailedSignIns { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public long Version { get; init; }

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

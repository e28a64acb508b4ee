using CitizenData.Bot.Admin.Audit;
using CitizenData.Feedback.Staff;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Admin.Accounts;

/// <summary>Dashboard accounts: creation, password checks with lockout, changes. Every change is audited.</summary>
public sealed class StaffAccounts(IStaffStore store, StaffAudit audit, TimeProvider clock, IOptions<AdminOptions> options)
{
    public const int MinimumPasswordLength = 10;

    private static readonly PasswordHasher<StaffAccount> Hasher = new();

    // Verified against when the user name is unknown, so a wrong name takes as long as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "not-a-password-anyone-has");

    public async Task<StaffAccount> CreateAsync(string userName, string role, string password, string actor, CancellationToken cancellationToken = default)
    {
        var account = await store.SaveAccountAsync(
            new StaffAccount { UserName = userName, Role = role, PasswordHash = Hasher.HashPassword(null!, password), CreatedAt = clock.GetUtcNow() },
            cancellationToken);
        await audit.RecordAsync(actor, "account.create", "account:" + userName, new { role }, cancellationToken);
        return account;
    }

    /// <summary>Checks a password. Wrong passwords count towards a lockout; a right one (while not locked) resets the count.</summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var account = await store.GetAccountAsync(userName, cancellationToken);
            if (account is null)
            {
                Hasher.VerifyHashedPassword(null!, DummyHash, password);
                return new SignInResult(SignInOutcome.WrongCredentials, null);
            }
            var now = clock.GetUtcNow();
            if (account.IsLockedAt(now))
                return new SignInResult(SignInOutcome.LockedOut, account);
            var right = Hasher.VerifyHashedPassword(null!, account.PasswordHash, password) != PasswordVerificationResult.Failed;
            var failed = right ? 0 : account.FailedSignIns + 1;
            var locks = failed >= options.Value.MaxFailedSignIns;
            try
            {
                account = await store.SaveAccountAsync(
                    account with { FailedSignIns = locks ? 0 : failed, LockedUntil = locks ? now + options.Value.LockoutDuration : null },
                    cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                continue; // a parallel attempt counted first; count this one on top of it
            }
            if (locks)
                await audit.RecordAsync("system", "account.lock", "account:" + userName, new { failedSignIns = options.Value.MaxFailedSignIns }, cancellationToken);
            return new SignInResult(right ? SignInOutcome.SignedIn : locks ? SignInOutcome.LockedOut : SignInOutcome.WrongCredentials, account);
        }
    }

    /// <summary>Changes role and/or password, or unlocks; null leaves a field as it is.</summary>
    public async Task<StaffAccount?> UpdateAsync(string userName, string? role, string? password, bool unlock, string actor, CancellationToken cancellationToken = default)
    {
        var account = await store.GetAccountAsync(userName, cancellationToken);
        if (account is null)
            return null;
        var changed = account with
        {
            Role = role ?? account.Role,
            PasswordHash = password is null ? account.PasswordHash : Hasher.HashPassword(null!, password),
            FailedSignIns = unlock ? 0 : account.FailedSignIns,
            LockedUntil = unlock ? null : account.LockedUntil,
        };
        changed = await store.SaveAccountAsync(changed, cancellationToken);
        await audit.RecordAsync(actor, "account.update", "account:" + userName, new { role, passwordChanged = password is not null, unlocked = unlock }, cancellationToken);
        return changed;
    }

    public async Task<bool> DeleteAsync(string userName, string actor, CancellationToken cancellationToken = default)
    {
        if (!await store.DeleteAccountAsync(userName, cancellationToken))
            return false;
        await audit.RecordAsync(actor, "account.delete", "account:" + userName, null, cancellationToken);
        return true;
    }
}

public enum SignInOutcome
{
    SignedIn,
    WrongCredentials,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, StaffAccount? Account);

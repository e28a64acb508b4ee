using System.Security.Claims;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenData.Bot.Admin.Accounts;

/// <summary>Staff accounts and API keys; admins only.</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/accounts", ListAccountsAsync).RequireAuthorization(StaffRoles.Admin);
        group.MapPost("/accounts", CreateAccountAsync).RequireAuthorization(StaffRoles.Admin);
        group.MapPut("/accounts/{userName}", UpdateAccountAsync).RequireAuthorization(StaffRoles.Admin);
        group.MapDelete("/accounts/{userName}", DeleteAccountAsync).RequireAuthorization(StaffRoles.Admin);
        group.MapGet("/api-keys", ListApiKeysAsync).RequireAuthorization(StaffRoles.Admin);
        group.MapPost("/api-keys", CreateApiKeyAsync).RequireAuthorization(StaffRoles.Admin);
        group.MapDelete("/api-keys/{id}", RevokeApiKeyAsync).RequireAuthorization(StaffRoles.Admin);
        return group;
    }

    public sealed record AccountView(string UserName, string Role, bool Locked, DateTimeOffset CreatedAt);

    public sealed record NewAccount(string? UserName, string? Role, string? Password);

    public sealed record AccountChange(string? Role, string? Password, bool Unlock = false);

    public sealed record ApiKeyView(string Id, string Name, string Role, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed record NewApiKey(string? Name, string? Role);

    /// <summary>The key itself is in this response only.</summary>
    public sealed record CreatedApiKey(string Id, string Name, string Role, string Key);

    private static async Task<Ok<List<AccountView>>> ListAccountsAsync(IStaffStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAccountsAsync(cancellationToken))
            .Select(a => new AccountView(a.UserName, a.Role, a.IsLockedAt(clock.GetUtcNow()), a.CreatedAt)).ToList());

    private static async Task<Results<Created<AccountView>, ValidationProblem, ProblemHttpResult>> CreateAccountAsync(
        NewAccount body, ClaimsPrincipal user, StaffAccounts accounts, CancellationToken cancellationToken)
    {
        if (FirstError(AccountRules.CheckNewAccount(body.UserName, body.Role, body.Password)) is { } invalid)
            return invalid;
        try
        {
            var account = await accounts.CreateAsync(body.UserName!, body.Role!, body.Password!, Auth.StaffActor.Name(user), cancellationToken);
            return TypedResults.Created($"{AdminApi.Prefix}/accounts/{account.UserName}", new AccountView(account.UserName, account.Role, false, account.CreatedAt));
        }
        catch (ConcurrencyConflictException)
        {
            return TypedResults.Problem(title: "An account with this user name exists", statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Results<Ok<AccountView>, ValidationProblem, NotFound>> UpdateAccountAsync(
        string userName, AccountChange body, ClaimsPrincipal user, StaffAccounts accounts, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (FirstError(AccountRules.CheckChange(body.Role, body.Password)) is { } invalid)
            return invalid;
        if (AccountRules.RemovesOwnAdmin(Auth.StaffActor.Name(user), userName, body.Role, deleting: false))
            return AdminApi.Invalid(AccountRules.RoleField, "You cannot take away your own admin role; another admin can.");
        var account = await accounts.UpdateAsync(userName, body.Role, body.Password, body.Unlock, Auth.StaffActor.Name(user), cancellationToken);
        return account is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new AccountView(account.UserName, account.Role, account.IsLockedAt(clock.GetUtcNow()), account.CreatedAt));
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound>> DeleteAccountAsync(string userName, ClaimsPrincipal user, StaffAccounts accounts, CancellationToken cancellationToken)
    {
        if (AccountRules.RemovesOwnAdmin(Auth.StaffActor.Name(user), userName, role: null, deleting: true))
            return AdminApi.Invalid(AccountRules.UserNameField, "You cannot delete your own account; another admin can.");
        return await accounts.DeleteAsync(userName, Auth.StaffActor.Name(user), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<Ok<List<ApiKeyView>>> ListApiKeysAsync(IStaffStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListApiKeysAsync(cancellationToken))
            .Select(k => new ApiKeyView(k.Id, k.Name, k.Role, k.CreatedBy, k.CreatedAt, k.RevokedAt)).ToList());

    private static async Task<Results<Created<CreatedApiKey>, ValidationProblem>> CreateApiKeyAsync(
        NewApiKey body, ClaimsPrincipal user, StaffApiKeys apiKeys, CancellationToken cancellationToken)
    {
        if (FirstError(AccountRules.CheckNewApiKey(body.Name, body.Role)) is { } invalid)
            return invalid;
        var (stored, key) = await apiKeys.CreateAsync(body.Name!, body.Role!, Auth.StaffActor.Name(user), cancellationToken: cancellationToken);
        return TypedResults.Created($"{AdminApi.Prefix}/api-keys/{stored.Id}", new CreatedApiKey(stored.Id, stored.Name, stored.Role, key));
    }

    private static async Task<Results<Ok<ApiKeyView>, NotFound>> RevokeApiKeyAsync(string id, ClaimsPrincipal user, StaffApiKeys apiKeys, CancellationToken cancellationToken) =>
        await apiKeys.RevokeAsync(id, Auth.StaffActor.Name(user), cancellationToken) is { } k
            ? TypedResults.Ok(new ApiKeyView(k.Id, k.Name, k.Role, k.CreatedBy, k.CreatedAt, k.RevokedAt))
            : TypedResults.NotFound();

    /// <summary>The API names one wrong field at a time, the first in the rules' order.</summary>
    private static ValidationProblem? FirstError(Dictionary<string, string> errors) =>
        errors.Count == 0 ? null : AdminApi.Invalid(errors.First().Key, errors.First().Value);
}

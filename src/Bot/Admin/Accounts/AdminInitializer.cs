using CitizenData.Bot.Admin.Auth;
using CitizenData.Bot.Hosting;
using CitizenData.Feedback.Storage;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Admin.Accounts;

/// <summary>
/// First run: when there is no staff account, creates <c>Admin:InitialUser</c> as an admin with
/// <c>Admin:InitialPassword</c>, or with a generated password printed once. <c>Admin:InitialApiKey</c>, when set, is
/// registered as an admin key unless it already is. Runs after <see cref="StorageInitializer"/>.
/// </summary>
public sealed partial class AdminInitializer(
    IStaffStore store,
    StaffAccounts accounts,
    StaffApiKeys apiKeys,
    IOptions<AdminOptions> options,
    ILogger<AdminInitializer> logger) : IHostedService
{
    private const string Actor = "system";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if ((await store.ListAccountsAsync(cancellationToken)).Count == 0)
        {
            var password = string.IsNullOrEmpty(settings.InitialPassword) ? ApiKeySecrets.NewPassword() : settings.InitialPassword;
            try
            {
                await accounts.CreateAsync(settings.InitialUser, StaffRoles.Admin, password, Actor, cancellationToken);
                if (string.IsNullOrEmpty(settings.InitialPassword))
                {
                    // Printed once, on the console as well as the log, because nobody can sign in without it.
                    LogGeneratedPassword(settings.InitialUser, password);
                    await Console.Out.WriteLineAsync($"First dashboard account: user '{settings.InitialUser}', password '{password}' (shown once; change it after signing in).");
                }
                else
                {
                    LogCreated(settings.InitialUser);
                }
            }
            catch (ConcurrencyConflictException)
            {
                // Another instance created it first.
            }
        }
        if (!string.IsNullOrEmpty(settings.InitialApiKey)
            && await store.FindApiKeyByHashAsync(ApiKeySecrets.Hash(settings.InitialApiKey), cancellationToken) is null)
        {
            await apiKeys.CreateAsync("initial", StaffRoles.Admin, Actor, settings.InitialApiKey, cancellationToken);
            LogApiKey();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first dashboard account '{User}' with the generated password {Password} (shown once).")]
    private partial void LogGeneratedPassword(string user, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first dashboard account '{User}' with the configured password.")]
    private partial void LogCreated(string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered Admin:InitialApiKey as an admin API key.")]
    private partial void LogApiKey();
}

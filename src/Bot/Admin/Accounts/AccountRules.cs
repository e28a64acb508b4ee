namespace CitizenData.Bot.Admin.Accounts;

/// <summary>
/// What a staff account or API key must look like, checked the same way by the admin API and the dashboard's
/// Accounts page. Each check answers the fields that are wrong (field → message, in the order the API reports them);
/// empty means valid.
/// </summary>
public static class AccountRules
{
    public const int MaxUserNameLength = 64;
    public const int MaxApiKeyNameLength = 100;

    public const string UserNameField = "userName";
    public const string RoleField = "role";
    public const string PasswordField = "password";
    public const string ApiKeyNameField = "name";

    /// <summary>
    /// Whether <paramref name="actor"/> changing <paramref name="userName"/> to <paramref name="role"/> (null: deleting
    /// it) would take their own admin role away — which could leave nobody able to manage accounts.
    /// </summary>
    public static bool RemovesOwnAdmin(string actor, string userName, string? role, bool deleting) =>
        string.Equals(actor, userName, StringComparison.Ordinal) && (deleting || (role is not null && role != StaffRoles.Admin));

    /// <summary>A new account: all three fields are required.</summary>
    public static Dictionary<string, string> CheckNewAccount(string? userName, string? role, string? password)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!IsUserName(userName))
            errors[UserNameField] = $"A user name of 1 to {MaxUserNameLength} characters without spaces is required.";
        AddRoleError(errors, role);
        AddPasswordError(errors, password);
        return errors;
    }

    /// <summary>A change to an account: null leaves a field as it is, so only given fields are checked.</summary>
    public static Dictionary<string, string> CheckChange(string? role, string? password)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (role is not null)
            AddRoleError(errors, role);
        if (password is not null)
            AddPasswordError(errors, password);
        return errors;
    }

    public static Dictionary<string, string> CheckNewApiKey(string? name, string? role)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxApiKeyNameLength)
            errors[ApiKeyNameField] = $"A name of 1 to {MaxApiKeyNameLength} characters is required, saying what the key is for.";
        AddRoleError(errors, role);
        return errors;
    }

    private static bool IsUserName(string? userName) =>
        !string.IsNullOrWhiteSpace(userName)
        && userName.Length <= MaxUserNameLength
        && !userName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private static void AddRoleError(Dictionary<string, string> errors, string? role)
    {
        if (role is null || !StaffRoles.All.Contains(role))
            errors[RoleField] = $"The role must be one of: {string.Join(", ", StaffRoles.All)}.";
    }

    private static void AddPasswordError(Dictionary<string, string> errors, string? password)
    {
        if (password is not { Length: >= StaffAccounts.MinimumPasswordLength })
            errors[PasswordField] = $"A password of at least {StaffAccounts.MinimumPasswordLength} characters is required.";
    }
}

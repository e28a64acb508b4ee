namespace CitizenData.Bot.Admin;

/// <summary>The <c>Admin</c> configuration section: the first account, and how sign-in protects itself.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The first dashboard account, created (as an admin) when there is none.</summary>
    public string InitialUser { get; set; } = "admin";

    /// <summary>Its password; without one a password is generated and printed once.</summary>
    public string? InitialPassword { get; set; }

    /// <summary>An API key for the first admin, for automation; without it none is created.</summary>
    public string? InitialApiKey { get; set; }

    /// <summary>Consecutive wrong passwords that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked (an admin can unlock it sooner).</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a dashboard sign-in lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}

using System.Security.Cryptography;
using System.Text;
using CitizenData.Feedback.Storage;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Channels.DirectLine;

/// <summary>
/// The secret trusted clients present and the key that signs tokens: from configuration, or generated on first run and
/// stored in the database (table <c>directline_settings</c>), so every instance and every restart agrees on them.
/// </summary>
public sealed class DirectLineKeys
{
    private byte[]? secret;
    private byte[]? signingKey;

    public byte[] SigningKey => signingKey ?? throw new InvalidOperationException("Direct Line keys are not loaded yet.");

    /// <summary>Constant-time comparison with the configured or generated secret.</summary>
    public bool IsSecret(string candidate) =>
        secret is not null && CryptographicOperations.FixedTimeEquals(secret, Encoding.UTF8.GetBytes(candidate));

    internal void Load(string secretValue, string signingKeyValue)
    {
        secret = Encoding.UTF8.GetBytes(secretValue);
        signingKey = Encoding.UTF8.GetBytes(signingKeyValue);
    }

    internal static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Loads (or generates and stores) the keys at start, after the schema is migrated and before requests arrive.</summary>
public sealed partial class DirectLineKeysInitializer(DirectLineKeys keys, IFeedbackStorage storage, IOptions<DirectLineOptions> options, ILogger<DirectLineKeysInitializer> logger) : IHostedService
{
    internal const string SecretSetting = "secret";
    internal const string SigningKeySetting = "token_signing_key";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value;
        var secret = string.IsNullOrWhiteSpace(configured.Secret) ? await StoredAsync(SecretSetting, cancellationToken) : configured.Secret;
        var signingKey = string.IsNullOrWhiteSpace(configured.TokenSigningKey) ? await StoredAsync(SigningKeySetting, cancellationToken) : configured.TokenSigningKey;
        keys.Load(secret, signingKey);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<string> StoredAsync(string name, CancellationToken cancellationToken)
    {
        var candidate = DirectLineKeys.Generate();
        var stored = await storage.DirectLine.GetOrCreateSettingAsync(name, () => candidate, cancellationToken);
        if (stored == candidate && name == SecretSetting)
            LogSecretGenerated(stored); // printed once, like the first admin password: the operator needs it for trusted clients
        else if (stored == candidate)
            LogKeyGenerated(name);
        return stored;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated the Direct Line secret and stored it in the database (directline_settings 'secret'): {Secret} . It is shown only this once; set DirectLine:Secret to choose your own.")]
    private partial void LogSecretGenerated(string secret);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated the Direct Line '{Name}' and stored it in the database (directline_settings).")]
    private partial void LogKeyGenerated(string name);
}

using System.Security.Cryptography;
using System.Text;

namespace CitizenData.Feedback.Privacy;

/// <summary>
/// Pseudonymous participant ids for exports: a keyed hash (HMAC-SHA-256) of the participant id with an installation
/// secret, so the same person has the same pseudonym in every export of this installation, and nobody without the
/// secret can link it back.
/// </summary>
public sealed class Pseudonyms(byte[] key)
{
    /// <summary>The name the installation secret is stored under.</summary>
    public const string SecretName = "export.pseudonym_key";

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static Pseudonyms FromSecret(string secret) => new(Convert.FromBase64String(secret));

    public string For(string participantId)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(participantId), hash);
        return "r_" + Convert.ToHexStringLower(hash[..10]);
    }
}

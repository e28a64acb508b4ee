using System.Security.Cryptography;
using System.Text;

namespace CitizenData.Bot.Admin.Auth;

/// <summary>New API keys and the hash they are stored and looked up by.</summary>
public static class ApiKeySecrets
{
    private const string Prefix = "cdk_";

    /// <summary>256 random bits, URL-safe, with a prefix so a leaked key is recognisable in logs and scanners.</summary>
    public static string NewKey() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>SHA-256 is enough here: the key is random and long, so there is nothing to brute-force.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string NewPassword() => Base64Url(RandomNumberGenerator.GetBytes(18));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Security.Cryptography;
using System.Text;

namespace Widemesh.Platform.Auth;

/// <summary>Token secrets: 256 random bits, stored only as their SHA-256 hash.</summary>
internal static class TokenSecrets
{
    public const string Prefix = "wm_";

    public static string New() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

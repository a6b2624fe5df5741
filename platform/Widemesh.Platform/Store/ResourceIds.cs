using System.Security.Cryptography;

namespace Widemesh.Platform.Store;

/// <summary>Server-generated ids: a type prefix and 16 random lowercase hex characters.</summary>
internal static class ResourceIds
{
    public static string New(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string NewAccount() => New("acc_");

    public static string NewToken() => New("tok_");

    public static string NewRack() => New("rck_");

    public static string NewEnvironment() => New("env_");
}

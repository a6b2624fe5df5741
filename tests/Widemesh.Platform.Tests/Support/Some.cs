using System.Security.Cryptography;

namespace Widemesh.Platform.Tests.Support;

/// <summary>Throwaway test data: names that never collide between tests sharing one server.</summary>
internal static class Some
{
    public static string Name(string prefix = "t") => $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5))}";
}

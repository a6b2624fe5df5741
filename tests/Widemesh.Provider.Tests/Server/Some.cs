namespace Widemesh.Provider.Tests.Server;

/// <summary>Throwaway names that do not collide between tests sharing one meshd.</summary>
internal static class Some
{
    public static string Name(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}

namespace Widemesh.Platform.Auth;

internal static class AuthNames
{
    public const string Scheme = "Bearer";

    public const string AdminPolicy = "admin";

    public const string AdminClaim = "widemesh:admin";
}

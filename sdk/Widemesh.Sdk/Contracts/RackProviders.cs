namespace Widemesh.Sdk.Contracts;

/// <summary>The rack providers the platform knows.</summary>
public static class RackProviders
{
    public const string Local = "local";

    public const string Aws = "aws";

    public static IReadOnlyList<string> All { get; } = [Local, Aws];
}

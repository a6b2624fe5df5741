namespace Widemesh.Platform.Racks.Local;

/// <summary>The states of <see cref="Widemesh.Sdk.Contracts.InstanceInfo.State"/>.</summary>
internal static class InstanceStates
{
    public const string Starting = "starting";
    public const string Running = "running";
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";
    public const string Crashed = "crashed";
    public const string Stopped = "stopped";
}

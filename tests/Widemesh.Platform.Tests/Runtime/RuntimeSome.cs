using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Widemesh.Platform.Racks.Local;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>Throwaway racks, specs and ports that do not collide with other tests running at the same time.</summary>
internal static class RuntimeSome
{
    public static string Name(string prefix) => $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>A local rack with an ingress address no other meshd picks (they start at 127.0.1.1).</summary>
    public static StoredRack Rack(string? name = null) => new(
        "rck_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
        "acc_test",
        name ?? Name("rack"),
        RackProviders.Local,
        null,
        "ready",
        1,
        DateTimeOffset.UtcNow,
        DateTimeOffset.UtcNow,
        $"127.0.{RandomNumberGenerator.GetInt32(100, 250)}.{RandomNumberGenerator.GetInt32(1, 250)}");

    /// <summary>A TCP port free on loopback just now.</summary>
    public static int Port() => Widemesh.Testing.LoopbackPorts.Tcp();

    public static LocalEnvironmentSpec Spec(IReadOnlyList<StackSpec> stacks, IReadOnlyList<ServiceSpec>? services = null, string? name = null) =>
        new("env_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), name ?? Name("env"), stacks, services ?? [], null, null);

    public static StoredEnvironment Stored(LocalEnvironmentSpec spec) =>
        new(spec.Id, "acc_test", spec.Name, ["rack"], null, "ready", 1, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow) { Stacks = spec.Stacks, Services = spec.Services };
}

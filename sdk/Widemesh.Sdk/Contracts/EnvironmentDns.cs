namespace Widemesh.Sdk.Contracts;

/// <summary>The DNS records the platform serves for an environment: its address is the ingress of its last rack.</summary>
public sealed record EnvironmentDns
{
    /// <summary>The environment's name (absent from meshd versions before the list of all environments' records).</summary>
    public string? Environment { get; init; }

    public required string Hostname { get; init; }

    /// <summary>Time to live of the records, in seconds.</summary>
    public required int Ttl { get; init; }

    public required IReadOnlyList<DnsRecord> Records { get; init; }

    /// <summary>The ingress address of the environment's last rack: what every resolver should answer.</summary>
    public required string ExpectedAddress { get; init; }
}

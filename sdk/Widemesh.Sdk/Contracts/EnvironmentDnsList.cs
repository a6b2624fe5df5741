namespace Widemesh.Sdk.Contracts;

/// <summary>
/// <c>GET /v1/dns/records</c>: the DNS records of every environment of the account, sorted by name, in one answer.
/// An environment whose last rack has no ingress address yet has no records and is left out.
/// </summary>
public sealed record EnvironmentDnsList
{
    public required IReadOnlyList<EnvironmentDns> Environments { get; init; }
}

namespace Widemesh.Cli.Commands.Env;

/// <summary>
/// The <c>mesh env dns NAME --json</c> document: the records meshd serves for the environment and what each
/// resolver answers; <see cref="Propagated"/> when every resolver answers <see cref="ExpectedAddress"/>.
/// <see cref="ExternalUpdates"/> is the state of meshd's RFC 2136 updates to an external server (null when it sends none).
/// </summary>
internal sealed record EnvDnsOutput(
    string Environment,
    string Hostname,
    int Ttl,
    IReadOnlyList<EnvDnsRecordOutput> Records,
    string ExpectedAddress,
    bool Propagated,
    int Matching,
    IReadOnlyList<EnvDnsResolverOutput> Resolvers,
    Sdk.Contracts.DnsStatusExternal? ExternalUpdates = null);

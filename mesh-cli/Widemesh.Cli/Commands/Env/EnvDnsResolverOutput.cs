namespace Widemesh.Cli.Commands.Env;

/// <summary>One resolver of <c>mesh env dns --json</c>: the addresses it answered, their TTL in seconds, and why it gave none.</summary>
internal sealed record EnvDnsResolverOutput(string Resolver, IReadOnlyList<string> Answers, int? Ttl, bool Matches, string? Error);

namespace Widemesh.Sdk.Contracts;

public sealed record CreateDrainRequest
{
    /// <summary><c>syslog+tcp://host:port</c>, or <c>syslog+tls://host:port</c> for TLS.</summary>
    public required string Url { get; init; }
}

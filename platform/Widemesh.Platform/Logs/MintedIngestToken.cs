namespace Widemesh.Platform.Logs;

/// <summary>A new ingest token; <see cref="Token"/> is the secret, shown once and never stored or logged.</summary>
internal sealed record MintedIngestToken(string Id, string Token, string Environment, string Rack);

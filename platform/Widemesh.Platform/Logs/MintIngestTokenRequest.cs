namespace Widemesh.Platform.Logs;

/// <summary>Body of <c>POST /v1/environments/{name}/log-tokens</c>.</summary>
internal sealed record MintIngestTokenRequest(string? Rack);

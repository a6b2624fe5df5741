namespace Widemesh.Cli.Configuration;

/// <summary>Where the platform is and how to authenticate, with where each came from (for messages, never the token itself).</summary>
internal sealed record ConnectionSettings(Uri Endpoint, string? Token, string EndpointSource, string TokenSource);

namespace Widemesh.Sdk.Contracts.Logs;

/// <summary>One line sent to <c>POST /v1/environments/{name}/logs</c>: set <see cref="Stack"/> or <see cref="Service"/>.</summary>
public sealed record LogIngestEntry
{
    public string? Stack { get; init; }

    public string? Service { get; init; }

    public required string Instance { get; init; }

    /// <summary>Required with an account token (one of the environment's racks); an ingest token implies its own.</summary>
    public string? Rack { get; init; }

    /// <summary><c>stdout</c> (the default) or <c>stderr</c>.</summary>
    public string? Stream { get; init; }

    public string? Message { get; init; }

    /// <summary>Raw bytes, base64-encoded, instead of <see cref="Message"/>.</summary>
    public string? MessageBase64 { get; init; }

    /// <summary>The time at the source, when known.</summary>
    public DateTimeOffset? Time { get; init; }
}

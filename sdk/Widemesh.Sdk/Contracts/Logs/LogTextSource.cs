namespace Widemesh.Sdk.Contracts.Logs;

/// <summary>
/// Where raw lines sent as text/plain to <c>POST /v1/environments/{name}/logs</c> come from: one instance of a stack
/// or a service (set exactly one), on one rack, from one stream. The platform applies the same rules as to
/// <see cref="LogIngestEntry"/>.
/// </summary>
public sealed record LogTextSource
{
    public string? Stack { get; init; }

    public string? Service { get; init; }

    public required string Instance { get; init; }

    /// <summary>Required with an account token (one of the environment's racks); an ingest token implies its own.</summary>
    public string? Rack { get; init; }

    /// <summary><c>stdout</c> (the default) or <c>stderr</c>.</summary>
    public string? Stream { get; init; }
}

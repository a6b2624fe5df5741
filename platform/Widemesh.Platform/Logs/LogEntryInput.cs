namespace Widemesh.Platform.Logs;

/// <summary>
/// One entry of <c>POST /v1/environments/{name}/logs</c>. Exactly one of <see cref="Stack"/> and <see cref="Service"/>
/// names the source; <see cref="Message"/> is text, or <see cref="MessageBase64"/> carries raw bytes (escaped as
/// <see cref="LogText"/> says). <see cref="Rack"/> is needed with an account token and must match an ingest token's rack.
/// </summary>
internal sealed record LogEntryInput
{
    public DateTimeOffset? Time { get; init; }

    public string? Rack { get; init; }

    public string? Stack { get; init; }

    public string? Service { get; init; }

    public string? Instance { get; init; }

    public string? Stream { get; init; }

    public string? Message { get; init; }

    public string? MessageBase64 { get; init; }
}

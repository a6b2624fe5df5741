using System.Text.Json.Serialization;

namespace Widemesh.Sdk.Contracts.Logs;

/// <summary>
/// One entry of an environment's logs as <c>GET /v1/environments/{name}/logs</c> streams it (one NDJSON line).
/// Exactly one of <see cref="Stack"/> and <see cref="Service"/> is set.
/// </summary>
public sealed record LogLine
{
    /// <summary>The entry's sequence number within the environment: the cursor a reader resumes after.</summary>
    public required long Seq { get; init; }

    /// <summary>When meshd received the entry; entries of all racks are ordered by it, then by <see cref="Seq"/>.</summary>
    [JsonConverter(typeof(UtcTimeJsonConverter))]
    public required DateTimeOffset Time { get; init; }

    /// <summary>The time the instance or agent gave, when it gave one.</summary>
    [JsonConverter(typeof(UtcTimeJsonConverter))]
    public DateTimeOffset? SourceTime { get; init; }

    public required string Rack { get; init; }

    public string? Stack { get; init; }

    public string? Service { get; init; }

    public required string Instance { get; init; }

    /// <summary><c>stdout</c> or <c>stderr</c>.</summary>
    public required string Stream { get; init; }

    public required string Message { get; init; }

    /// <summary>True when the entry carries the next piece of a line longer than the platform's line limit.</summary>
    public bool? Continuation { get; init; }

    /// <summary>The stack or service the line comes from.</summary>
    [JsonIgnore]
    public string Source => Stack ?? Service ?? string.Empty;
}

namespace Widemesh.Sdk.Contracts.Logs;

/// <summary>The platform's acknowledgement of a log batch: entries accepted, stored (long lines count once per piece) and their sequence numbers.</summary>
public sealed record LogIngestResult
{
    public required int Accepted { get; init; }

    public required long Stored { get; init; }

    public required long FirstSequence { get; init; }

    public required long LastSequence { get; init; }
}

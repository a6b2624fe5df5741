namespace Widemesh.Sdk.Contracts;

/// <summary>An uploaded application directory (a tar.gz), immutable; instances run in its unpacked copy.</summary>
public sealed record Release
{
    public required string Id { get; init; }

    public required string Environment { get; init; }

    /// <summary>1 for the environment's first release, then one more for each.</summary>
    public required int Number { get; init; }

    /// <summary><c>sha256:</c> and the hex digest of the archive.</summary>
    public required string Digest { get; init; }

    public required long SizeBytes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

namespace Widemesh.Platform.Logs;

/// <summary>One record decoded in place from a frame; the spans point into the frame's bytes.</summary>
internal readonly ref struct LogRecordView
{
    public required long Sequence { get; init; }

    public required long Ticks { get; init; }

    public required long SourceTicks { get; init; }

    public required LogSourceKind Kind { get; init; }

    public required LogStream Stream { get; init; }

    public required bool Continuation { get; init; }

    public required ReadOnlySpan<byte> Rack { get; init; }

    public required ReadOnlySpan<byte> Source { get; init; }

    public required ReadOnlySpan<byte> Instance { get; init; }

    public required ReadOnlySpan<byte> Message { get; init; }

    /// <summary>Rack, source, instance and message, which lie back to back in the record: one span to scan at once.</summary>
    public required ReadOnlySpan<byte> Strings { get; init; }
}

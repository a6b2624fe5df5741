namespace Widemesh.Platform.Logs;

/// <summary>The sequence numbers an acknowledged batch received (inclusive; empty batches get <c>Last = First - 1</c>).</summary>
internal sealed record LogAppendResult(long FirstSequence, long LastSequence)
{
    public long Count => LastSequence - FirstSequence + 1;
}

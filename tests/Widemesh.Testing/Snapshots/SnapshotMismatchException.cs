namespace Widemesh.Testing.Snapshots;

/// <summary>Thrown when generated text differs from its verified snapshot; the message says how to approve it.</summary>
public sealed class SnapshotMismatchException : Exception
{
    public SnapshotMismatchException()
    {
    }

    public SnapshotMismatchException(string message)
        : base(message)
    {
    }

    public SnapshotMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

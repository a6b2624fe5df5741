namespace Widemesh.Platform.Logs;

/// <summary>What has happened to a batch by the time the store acknowledges it.</summary>
internal enum LogDurability
{
    /// <summary>Written to the operating system (flushed): survives a crash or <c>kill -9</c> of meshd, not a power cut.</summary>
    Flush,

    /// <summary>Also fsync'd to the disk: survives a power cut, at the price of one fsync per write batch.</summary>
    Fsync,
}

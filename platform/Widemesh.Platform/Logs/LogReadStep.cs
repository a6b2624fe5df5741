namespace Widemesh.Platform.Logs;

/// <summary>What <see cref="LogReadCursor.Next"/> found.</summary>
internal enum LogReadStep
{
    /// <summary>A frame is in <see cref="LogReadCursor.Payload"/>.</summary>
    Frame,

    /// <summary>Everything committed so far has been read; wait for the changed signal to go on.</summary>
    End,

    /// <summary>The environment's logs were deleted.</summary>
    Deleted,
}

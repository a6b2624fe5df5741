namespace Widemesh.Platform.Logs;

/// <summary>The output stream of an instance a log line came from.</summary>
internal enum LogStream : byte
{
    Stdout = 1,
    Stderr = 2,
}

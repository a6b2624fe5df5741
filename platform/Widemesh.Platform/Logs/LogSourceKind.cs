namespace Widemesh.Platform.Logs;

/// <summary>What kind of component wrote a log line.</summary>
internal enum LogSourceKind : byte
{
    Stack = 1,
    Service = 2,
}

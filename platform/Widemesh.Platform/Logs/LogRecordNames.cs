namespace Widemesh.Platform.Logs;

/// <summary>Where a record comes from, as the UTF-8 the codec writes: shared by all the lines of one source.</summary>
internal readonly record struct LogRecordNames(LogSourceKind Kind, byte[] Rack, byte[] Source, byte[] Instance, LogStream Stream);

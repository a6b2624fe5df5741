namespace Widemesh.Platform.Logs;

/// <summary>Where a line comes from: an instance of a stack or service on one rack.</summary>
internal sealed record LogSourceRef(string Rack, LogSourceKind Kind, string Source, string Instance);

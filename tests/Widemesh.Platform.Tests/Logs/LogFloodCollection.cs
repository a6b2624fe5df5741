namespace Widemesh.Platform.Tests.Logs;

/// <summary>The flood test measures memory, so nothing runs beside it.</summary>
[CollectionDefinition(nameof(LogFloodCollection), DisableParallelization = true)]
public sealed class LogFloodCollection;

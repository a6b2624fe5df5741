using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Sdk.Contracts.Logs;

/// <summary>Source-generated JSON metadata for the logs contracts (NativeAOT needs no reflection).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LogLine))]
[JsonSerializable(typeof(LogIngestEntry))]
[JsonSerializable(typeof(IReadOnlyList<LogIngestEntry>))]
[JsonSerializable(typeof(LogIngestResult))]
public sealed partial class LogsJsonContext : JsonSerializerContext;

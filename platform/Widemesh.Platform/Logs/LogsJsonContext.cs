using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Platform.Logs;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LogEntryInput))]
[JsonSerializable(typeof(LogEntryInput[]))]
[JsonSerializable(typeof(IngestTokenRecord[]))]
[JsonSerializable(typeof(LogIngestResponse))]
[JsonSerializable(typeof(MintedIngestToken))]
[JsonSerializable(typeof(MintIngestTokenRequest))]
internal sealed partial class LogsJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Cli.Commands.Env;

/// <summary>Source-generated JSON for the NDJSON events of <c>mesh env migrate --json</c> (one compact object per line).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EnvMigrateEvent))]
internal sealed partial class EnvMigrateJsonContext : JsonSerializerContext;

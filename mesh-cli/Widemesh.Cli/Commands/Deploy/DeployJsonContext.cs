using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Cli.Commands.Deploy;

/// <summary>Source-generated JSON for <c>mesh deploy --json</c> events (compact, one per line).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeployEvent))]
internal sealed partial class DeployJsonContext : JsonSerializerContext;

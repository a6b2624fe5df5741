using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Cli.Commands.Env;

/// <summary>Source-generated JSON for <c>mesh env use --json</c>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(EnvUseOutput))]
internal sealed partial class EnvUseJsonContext : JsonSerializerContext;

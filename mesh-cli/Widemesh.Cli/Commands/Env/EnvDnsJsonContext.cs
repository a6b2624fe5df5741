using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Cli.Commands.Env;

/// <summary>Source-generated JSON for <c>mesh env dns --json</c>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(EnvDnsOutput))]
internal sealed partial class EnvDnsJsonContext : JsonSerializerContext;

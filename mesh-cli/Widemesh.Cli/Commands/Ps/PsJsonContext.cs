using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Cli.Commands.Ps;

/// <summary>Source-generated JSON for <c>mesh ps --json</c> (indented, null fields present, like the other documents).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(PsOutput))]
internal sealed partial class PsJsonContext : JsonSerializerContext;

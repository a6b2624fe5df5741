using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Cli.Output;

/// <summary>Source-generated JSON for every <c>--json</c> shape (NativeAOT needs no reflection).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(EnvironmentListOutput))]
[JsonSerializable(typeof(RackListOutput))]
[JsonSerializable(typeof(ErrorOutput))]
[JsonSerializable(typeof(VersionOutput))]
[JsonSerializable(typeof(LoginOutput))]
[JsonSerializable(typeof(RunOutput))]
[JsonSerializable(typeof(ExportOutput))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

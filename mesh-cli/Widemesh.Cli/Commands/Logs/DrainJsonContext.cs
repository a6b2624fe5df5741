using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Cli.Commands.Logs;

/// <summary>Source-generated JSON for <c>mesh logs drain … --json</c>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(DrainListOutput))]
[JsonSerializable(typeof(DrainRunOutput))]
internal sealed partial class DrainJsonContext : JsonSerializerContext
{
    private static DrainJsonContext? _relaxed;

    /// <summary>Like the CLI's other JSON: printable characters are not escaped. Built on first use, after <c>Default</c> exists.</summary>
    public static DrainJsonContext Relaxed => _relaxed ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

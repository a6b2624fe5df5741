using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Widemesh.Cli.Output;

/// <summary>Writes one <c>--json</c> document followed by a newline, without escaping printable characters.</summary>
internal static class JsonOutput
{
    /// <summary>The CLI's JSON metadata with relaxed escaping (so messages keep their quotes and backticks).</summary>
    public static CliJsonContext Context { get; } = new(new JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void Write<T>(TextWriter writer, T value, JsonTypeInfo<T> typeInfo)
    {
        writer.Write(JsonSerializer.Serialize(value, typeInfo));
        writer.Write('\n');
        writer.Flush();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Platform.Drains;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DrainRecord[]))]
[JsonSerializable(typeof(DrainProgress))]
internal sealed partial class DrainsJsonContext : JsonSerializerContext;

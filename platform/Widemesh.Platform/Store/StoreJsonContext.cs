using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Platform.Store;

/// <summary>Source-generated JSON for what the store keeps as documents.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredWorkloads))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;

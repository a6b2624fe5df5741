using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Widemesh.Cli.Engine.State;

/// <summary>One instance of a resource: its attributes as go-cty JSON, the schema version that wrote them and private provider data (base64).</summary>
internal sealed record StateInstance
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNode? IndexKey { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Deposed { get; init; }

    public long SchemaVersion { get; init; }

    public required JsonObject Attributes { get; init; }

    public JsonArray SensitiveAttributes { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Private { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Dependencies { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool CreateBeforeDestroy { get; init; }
}

using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Widemesh.Cli.Engine.State;

/// <summary>
/// Terraform's local state file, format version 4, field for field and in Terraform's key order, so
/// that <c>terraform</c> and <c>tofu</c> read what the built-in engine writes and the other way round.
/// </summary>
internal sealed record TerraformState
{
    public const int FormatVersion = 4;

    public int Version { get; init; } = FormatVersion;

    public required string TerraformVersion { get; init; }

    public required long Serial { get; init; }

    public required string Lineage { get; init; }

    public JsonObject Outputs { get; init; } = [];

    public IReadOnlyList<StateResource> Resources { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonNode? CheckResults { get; init; }
}

using System.Text.Json.Serialization;

namespace Widemesh.Cli.Engine.State;

/// <summary>One resource of the state: <c>mode</c> is <c>managed</c> or <c>data</c>; <c>provider</c> is the full provider address.</summary>
internal sealed record StateResource
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Module { get; init; }

    public required string Mode { get; init; }

    public required string Type { get; init; }

    public required string Name { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Each { get; init; }

    public required string Provider { get; init; }

    public IReadOnlyList<StateInstance> Instances { get; init; } = [];

    [JsonIgnore]
    public string Address => Mode == "data" ? $"data.{Type}.{Name}" : $"{Type}.{Name}";
}

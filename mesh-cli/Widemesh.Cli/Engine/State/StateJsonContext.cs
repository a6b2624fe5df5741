using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Cli.Engine.State;

/// <summary>Source-generated JSON for the state file: snake_case keys, two-space indent, as Terraform writes it.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    AllowTrailingCommas = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(TerraformState))]
internal sealed partial class StateJsonContext : JsonSerializerContext;

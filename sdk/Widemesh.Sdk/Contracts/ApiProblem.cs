using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Sdk.Contracts;

/// <summary>An RFC 7807 problem document as the platform sends it.</summary>
public sealed record ApiProblem
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    /// <summary>The request field at fault, when there is one.</summary>
    public string? Field { get; init; }

    /// <summary>Validation messages by field.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Other members, such as <c>environments</c> (rack-in-use) or <c>suggestions</c> (unknown-region).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extensions { get; set; }
}

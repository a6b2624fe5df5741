using System.Text.Json;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Sdk.Client;

/// <summary>The request conflicts with the platform's state (409): a name taken, or a rack still in use.</summary>
public sealed class WidemeshConflictException : WidemeshApiException
{
    public WidemeshConflictException(ApiProblem problem, int status)
        : base(problem, status)
    {
    }

    public bool IsNameTaken => Type == ProblemTypes.NameTaken;

    public bool IsRackInUse => Type == ProblemTypes.RackInUse;

    /// <summary>For rack-in-use: the environments that still use the rack.</summary>
    public IReadOnlyList<string> Environments =>
        Problem.Extensions is { } extensions
        && extensions.TryGetValue("environments", out var value)
        && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];
}

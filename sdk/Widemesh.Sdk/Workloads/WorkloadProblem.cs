namespace Widemesh.Sdk.Workloads;

/// <summary>
/// One broken rule of an environment's stacks or services. <see cref="Kind"/> is <c>stacks</c> or <c>services</c>,
/// <see cref="Index"/> the position in that list, <see cref="Attribute"/> the attribute at fault as the caller
/// spells it (null for the whole item), and <see cref="Message"/> says the rule and the fix.
/// </summary>
public sealed record WorkloadProblem(string Kind, int Index, string? Attribute, string Message)
{
    /// <summary>The API's field path, such as <c>stacks[0].publicPort</c>.</summary>
    public string Field => Attribute is null ? $"{Kind}[{Index}]" : $"{Kind}[{Index}].{Attribute}";
}

namespace Widemesh.Cli.Output;

/// <summary>
/// The <c>--json</c> shape of <c>mesh plan</c>, <c>mesh apply</c> and of every command that edits the
/// workspace and applies it (<c>env create|update|delete</c>, <c>rack create|delete</c>).
/// </summary>
internal sealed record RunOutput
{
    public required string Command { get; init; }

    public required string Workspace { get; init; }

    /// <summary><c>builtin</c>, <c>terraform</c> or <c>tofu</c>.</summary>
    public required string Engine { get; init; }

    /// <summary>False for <c>mesh plan</c>; true once changes were applied.</summary>
    public required bool Applied { get; init; }

    public required ChangeSummary Changes { get; init; }

    public IReadOnlyList<ResourceChangeOutput> ResourceChanges { get; init; } = [];

    /// <summary>Workspace files written or removed by the command (relative to the workspace).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public EnvironmentOutput? Environment { get; init; }

    public RackOutput? Rack { get; init; }
}

namespace Widemesh.Cli.Engine;

/// <summary>
/// One resource change in engine-neutral terms. <see cref="Name"/> is the platform name of the
/// resource (from its prior state, else its config), used by the ownership guard.
/// </summary>
internal sealed record PlannedChange(string Address, string Type, string ResourceName, string? Name, ChangeAction Action, bool Importing)
{
    public Output.ResourceChangeOutput ToOutput() => new(Address, Type, ResourceName, Importing && Action == ChangeAction.NoOp ? "import" : ActionNames.Of(Action));
}

using Widemesh.Cli.Output;

namespace Widemesh.Cli.Engine;

/// <summary>Counts changes the way Terraform's "Plan: N to add, N to change, N to destroy" line does.</summary>
internal static class ChangeSummaries
{
    public static ChangeSummary Of(IReadOnlyCollection<PlannedChange> changes) => new(
        Add: changes.Count(c => c.Action is ChangeAction.Create or ChangeAction.Replace),
        Change: changes.Count(c => c.Action == ChangeAction.Update),
        Destroy: changes.Count(c => c.Action is ChangeAction.Delete or ChangeAction.Replace),
        Import: changes.Count(c => c.Importing));

    public static EngineResult Result(string engine, IReadOnlyList<PlannedChange> changes, bool applied) => new(
        engine,
        Of(changes),
        [.. changes.Where(c => c.Action != ChangeAction.NoOp || c.Importing).Select(c => c.ToOutput())],
        applied);
}

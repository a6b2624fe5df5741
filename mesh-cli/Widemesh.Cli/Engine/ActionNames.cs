namespace Widemesh.Cli.Engine;

/// <summary>The <c>--json</c> names of <see cref="ChangeAction"/>.</summary>
internal static class ActionNames
{
    public static string Of(ChangeAction action) => action switch
    {
        ChangeAction.NoOp => "no-op",
        ChangeAction.Create => "create",
        ChangeAction.Update => "update",
        ChangeAction.Delete => "delete",
        ChangeAction.Replace => "replace",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}

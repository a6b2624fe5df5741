namespace Widemesh.Cli.Engine;

/// <summary>What a plan does to one resource instance, as Terraform names it.</summary>
internal enum ChangeAction
{
    NoOp,
    Create,
    Update,
    Delete,
    Replace,
}

namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>The action Terraform derives from a plan (protocol doc §4.3, <c>getAction</c>).</summary>
public enum PlannedAction
{
    NoOp,
    Create,
    Update,
    Replace,
    Delete,
}

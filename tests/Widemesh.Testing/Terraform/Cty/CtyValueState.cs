namespace Widemesh.Testing.Terraform.Cty;

public enum CtyValueState
{
    Known,
    Null,
    Unknown,
}

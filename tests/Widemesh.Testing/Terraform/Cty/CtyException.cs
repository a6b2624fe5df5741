namespace Widemesh.Testing.Terraform.Cty;

/// <summary>A value or type that does not follow go-cty's rules.</summary>
public sealed class CtyException : Exception
{
    public CtyException()
    {
    }

    public CtyException(string message)
        : base(message)
    {
    }

    public CtyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

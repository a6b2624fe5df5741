namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>A provider response Terraform core would refuse; <see cref="Title"/> is Terraform's own error title.</summary>
public sealed class ConformanceException : Exception
{
    public ConformanceException()
        : this(TerraformErrors.InvalidPlan, string.Empty)
    {
    }

    public ConformanceException(string message)
        : this(message, string.Empty)
    {
    }

    public ConformanceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Title = message;
        Detail = innerException.Message;
    }

    public ConformanceException(string title, string detail)
        : base($"{title}: {detail}")
    {
        Title = title;
        Detail = detail;
    }

    public string Title { get; }

    public string Detail { get; }
}

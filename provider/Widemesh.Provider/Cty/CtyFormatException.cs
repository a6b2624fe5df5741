namespace Widemesh.Provider.Cty;

/// <summary>A value or type on the wire does not have the expected shape. <see cref="Path"/> names where.</summary>
internal sealed class CtyFormatException : Exception
{
    public CtyFormatException(string message)
        : base(message)
    {
        Path = CtyPath.Root;
    }

    public CtyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = CtyPath.Root;
    }

    public CtyFormatException(string message, CtyPath path)
        : base(path.IsRoot ? message : $"{path}: {message}")
    {
        Path = path;
    }

    public CtyPath Path { get; }
}

namespace Widemesh.Testing.Meshd;

/// <summary>meshd did not become ready; the message carries its output.</summary>
public sealed class MeshdStartException : Exception
{
    public MeshdStartException(string message)
        : base(message)
    {
    }
}

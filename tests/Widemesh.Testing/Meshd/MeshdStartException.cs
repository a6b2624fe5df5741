namespace Widemesh.Testing.Meshd;

/// <summary>meshd did not become ready; the message carries its output.</summary>
public sealed class MeshdStartException : Exception
{
    public MeshdStartException(string message, bool addressTaken = false)
        : base(message)
    {
        AddressTaken = addressTaken;
    }

    /// <summary>Something else held the HTTP or DNS port picked for meshd; starting again on fresh ports may work.</summary>
    public bool AddressTaken { get; }
}

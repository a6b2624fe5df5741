namespace Widemesh.Platform.Racks.Local;

/// <summary>This machine refused something the local runtime needs (such as a network namespace); the message says what.</summary>
internal sealed class LocalRuntimeException : Exception
{
    public LocalRuntimeException(string message)
        : base(message)
    {
    }
}

namespace Widemesh.Sdk.Client;

/// <summary>The root of every failure the platform client reports.</summary>
public abstract class WidemeshException : Exception
{
    protected WidemeshException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

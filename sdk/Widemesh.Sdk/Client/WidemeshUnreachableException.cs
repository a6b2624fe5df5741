namespace Widemesh.Sdk.Client;

/// <summary>The platform could not be reached or did not answer in time; the message says how to start it.</summary>
public sealed class WidemeshUnreachableException : WidemeshException
{
    public WidemeshUnreachableException(Uri endpoint, string reason, Exception? innerException = null)
        : base(
            $"Cannot reach meshd at {endpoint} ({reason}). Start it with `meshd` (it listens on "
            + $"{WidemeshClientOptions.DefaultEndpoint} by default; `meshd --listen URL` picks another address), "
            + "or point the client at the address where it runs.",
            innerException)
    {
        Endpoint = endpoint;
        Reason = reason;
    }

    public Uri Endpoint { get; }

    public string Reason { get; }
}

namespace Widemesh.Sdk.Client;

public sealed class WidemeshClientOptions
{
    public static Uri DefaultEndpoint { get; } = new("http://127.0.0.1:4740/");

    public Uri Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>The bearer token; never logged nor shown by <see cref="ToString"/>.</summary>
    public string? Token { get; set; }

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, for transient failures of safe requests only.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public override string ToString() =>
        $"WidemeshClientOptions {{ Endpoint = {Endpoint}, Token = {(Token is null ? "none" : "set")}, Timeout = {Timeout}, MaxRetries = {MaxRetries} }}";
}

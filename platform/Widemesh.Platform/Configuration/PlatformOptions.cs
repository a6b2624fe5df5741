namespace Widemesh.Platform.Configuration;

/// <summary>meshd's settings: where it keeps its state, where it listens, and the DNS zone of environments.</summary>
internal sealed record PlatformOptions(string DataDirectory, Uri Listen, string Zone)
{
    public const string DefaultZone = "widemesh.internal";

    public static Uri DefaultListen { get; } = new("http://127.0.0.1:4740");

    public string DatabasePath => Path.Combine(DataDirectory, "meshd.db");

    public string AdminTokenPath => Path.Combine(DataDirectory, "admin.token");

    public string LockPath => Path.Combine(DataDirectory, "meshd.lock");
}

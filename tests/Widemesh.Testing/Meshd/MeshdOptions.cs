namespace Widemesh.Testing.Meshd;

/// <summary>How <see cref="MeshdProcess"/> starts the server.</summary>
public sealed record MeshdOptions
{
    /// <summary>The DNS zone (<c>--zone</c>); meshd's default when null.</summary>
    public string? Zone { get; init; }

    /// <summary>An existing data directory to use and keep; a fresh temp directory (deleted on dispose) when null.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>
    /// Runs meshd's authoritative DNS server on a free loopback port (see <see cref="MeshdProcess.DnsEndPoint"/>);
    /// when false, meshd starts with <c>--dns-listen off</c> so test servers do not contend for the default port.
    /// </summary>
    public bool Dns { get; init; }

    /// <summary>More command-line arguments for meshd (they come last, so they win).</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Environment variables for the meshd process.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The meshd executable to run; the debug build under <c>artifacts/</c> when null.</summary>
    public string? ExecutablePath { get; init; }

    /// <summary>The HTTP port to try first (a free one when null); taken ports are replaced by fresh ones.</summary>
    public int? Port { get; init; }

    /// <summary>The DNS port to try first when <see cref="Dns"/> is on (a free one when null); a taken one is replaced.</summary>
    public int? DnsPort { get; init; }

    /// <summary>How long to wait for <c>/readyz</c>.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

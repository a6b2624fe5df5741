namespace Widemesh.Cli.Configuration;

/// <summary>
/// Decides the endpoint and token: <c>WIDEMESH_ENDPOINT</c>/<c>WIDEMESH_TOKEN</c> win, then the file
/// written by <c>mesh login</c>, then the local defaults (<c>http://127.0.0.1:4740</c> and the admin
/// token that a local <c>meshd</c> writes into its data directory, when readable).
/// </summary>
internal sealed class ConnectionResolver(CliContext context)
{
    public const string DefaultEndpoint = "http://127.0.0.1:4740";

    public ConnectionSettings Resolve()
    {
        var config = new CliConfigStore(context).Load();

        var (endpointText, endpointSource) = FirstOf(
            (context.GetVariable("WIDEMESH_ENDPOINT"), "WIDEMESH_ENDPOINT"),
            (config.Endpoint, "mesh login"),
            (DefaultEndpoint, "default"));

        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException(
                ExitCodes.Usage,
                $"The endpoint '{endpointText}' (from {endpointSource}) is not an http:// or https:// URL; set it like http://127.0.0.1:4740.");
        }

        var (token, tokenSource) = FirstOf(
            (context.GetVariable("WIDEMESH_TOKEN"), "WIDEMESH_TOKEN"),
            (config.Token, "mesh login"));

        if (token is null && endpointSource is "default")
        {
            foreach (var path in LocalAdminTokenPaths())
            {
                var local = TryReadToken(path);
                if (local is not null)
                {
                    (token, tokenSource) = (local, path);
                    break;
                }
            }
        }

        return new ConnectionSettings(endpoint, token, endpointSource ?? "default", tokenSource ?? "none");
    }

    /// <summary>The admin token files of a local meshd, in the order they are tried.</summary>
    public IEnumerable<string> LocalAdminTokenPaths()
    {
        var dataDir = context.GetVariable("MESHD_DATA_DIR");
        if (!string.IsNullOrEmpty(dataDir))
        {
            yield return Path.Combine(dataDir, "admin.token");
        }

        var dataHome = context.GetVariable("XDG_DATA_HOME");
        if (!string.IsNullOrEmpty(dataHome))
        {
            yield return Path.Combine(dataHome, "widemesh", "admin.token");
        }

        yield return Path.Combine(context.HomeDirectory, ".local", "share", "widemesh", "admin.token");
    }

    private static string? TryReadToken(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static (string? Value, string? Source) FirstOf(params (string? Value, string Source)[] candidates)
    {
        foreach (var (value, source) in candidates)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return (value.Trim(), source);
            }
        }

        return (null, null);
    }
}

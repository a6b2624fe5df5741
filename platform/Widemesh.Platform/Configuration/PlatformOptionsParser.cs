namespace Widemesh.Platform.Configuration;

/// <summary>Reads meshd's options from the command line, then <c>MESHD_*</c> variables, then defaults.</summary>
internal static class PlatformOptionsParser
{
    public const string Usage = """
        Usage: meshd [--data-dir PATH] [--listen URL] [--zone ZONE] [--dns-listen IP:PORT|off] [--dns-ttl DURATION]
                     [--dns-update IP:PORT [--dns-update-zone ZONE] --dns-tsig-key FILE] [--isolation auto|netns|none]

          --data-dir PATH  where state lives (env MESHD_DATA_DIR;
                           default $XDG_DATA_HOME/widemesh or ~/.local/share/widemesh)
          --listen URL     the HTTP address to serve (env MESHD_LISTEN; default http://127.0.0.1:4740)
          --zone ZONE      the DNS zone of environment host names (env MESHD_ZONE; default widemesh.internal)
          --dns-listen IP:PORT  where the authoritative DNS server answers, UDP and TCP
                           (env MESHD_DNS_LISTEN; default 127.0.0.1:5353; 'off' turns it off)
          --dns-ttl DURATION    time to live of environment records, such as 60s or 5m
                           (env MESHD_DNS_TTL; default 60s)
          --dns-update IP:PORT  also publish environment records to this primary DNS server (BIND, Knot…)
                           with RFC 2136 dynamic updates (env MESHD_DNS_UPDATE; default: none)
          --dns-update-zone ZONE  the zone to update (env MESHD_DNS_UPDATE_ZONE; default the --zone)
          --dns-tsig-key FILE   BIND key file of the TSIG key that signs updates, readable by meshd's
                           user only (chmod 600) (env MESHD_DNS_TSIG_KEY)
          --isolation auto|netns|none  how local racks keep environments apart (env MESHD_ISOLATION;
                           default auto): a network namespace per environment, which needs root;
                           'netns' refuses to start without them; 'none' runs instances on 127.0.0.1
                           in meshd's own network (no isolation: every instance needs its own port)
          --help           show this text
        """;

    private static readonly string[] HostArgumentPrefixes = ["--environment=", "--contentRoot=", "--applicationName="];

    public static PlatformOptionsParseResult Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        string? dataDirectory = null, listen = null, zone = null, dnsListen = null, dnsTtl = null, isolation = null;
        string? dnsUpdate = null, dnsUpdateZone = null, dnsTsigKey = null;
        var hostArguments = new List<string>();

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return new PlatformOptionsParseResult(null, null, ShowHelp: true, hostArguments);
            }

            if (HostArgumentPrefixes.Any(p => arg.StartsWith(p, StringComparison.Ordinal)))
            {
                hostArguments.Add(arg);
                continue;
            }

            var (name, value) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                ? (arg[..eq], arg[(eq + 1)..])
                : (arg, i + 1 < args.Count ? args[++i] : null);
            if (name is not ("--data-dir" or "--listen" or "--zone" or "--dns-listen" or "--dns-ttl" or "--isolation" or "--dns-update" or "--dns-update-zone" or "--dns-tsig-key"))
            {
                return Fail($"meshd does not know the argument '{arg}'.");
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                return Fail($"{name} needs a value.");
            }

            switch (name)
            {
                case "--data-dir":
                    dataDirectory = value;
                    break;
                case "--listen":
                    listen = value;
                    break;
                case "--dns-listen":
                    dnsListen = value;
                    break;
                case "--dns-ttl":
                    dnsTtl = value;
                    break;
                case "--isolation":
                    isolation = value;
                    break;
                case "--dns-update":
                    dnsUpdate = value;
                    break;
                case "--dns-update-zone":
                    dnsUpdateZone = value;
                    break;
                case "--dns-tsig-key":
                    dnsTsigKey = value;
                    break;
                default:
                    zone = value;
                    break;
            }
        }

        dataDirectory ??= NonEmpty(environment("MESHD_DATA_DIR")) ?? DefaultDataDirectory(environment);
        listen ??= NonEmpty(environment("MESHD_LISTEN"));
        zone = (zone ?? NonEmpty(environment("MESHD_ZONE")) ?? PlatformOptions.DefaultZone).TrimEnd('.').ToLowerInvariant();

        if (dataDirectory is null)
        {
            return Fail("There is no home directory to keep data in: set --data-dir or MESHD_DATA_DIR.");
        }

        var listenUri = PlatformOptions.DefaultListen;
        if (listen is not null && (!Uri.TryCreate(listen, UriKind.Absolute, out listenUri) || listenUri.Scheme != Uri.UriSchemeHttp || listenUri.AbsolutePath != "/"))
        {
            return Fail($"--listen '{listen}' is not an address meshd can serve: give an http URL with a host and port, such as http://127.0.0.1:4740.");
        }

        if (ZoneProblem(zone) is { } problem)
        {
            return Fail(problem);
        }

        dnsListen ??= NonEmpty(environment("MESHD_DNS_LISTEN"));
        dnsTtl ??= NonEmpty(environment("MESHD_DNS_TTL"));
        if (DnsSettings.Problem(dnsListen, dnsTtl, out var dnsEndPoint, out var ttl) is { } dnsProblem)
        {
            return Fail(dnsProblem);
        }

        dnsUpdate ??= NonEmpty(environment("MESHD_DNS_UPDATE"));
        dnsUpdateZone ??= NonEmpty(environment("MESHD_DNS_UPDATE_ZONE"));
        dnsTsigKey ??= NonEmpty(environment("MESHD_DNS_TSIG_KEY"));
        if (DnsUpdateSettings.Problem(dnsUpdate, dnsUpdateZone, dnsTsigKey, zone, out var dnsUpdateOptions) is { } updateProblem)
        {
            return Fail(updateProblem);
        }

        isolation ??= NonEmpty(environment("MESHD_ISOLATION"));
        RackIsolation rackIsolation;
        switch (isolation)
        {
            case null or "auto":
                rackIsolation = RackIsolation.Auto;
                break;
            case "netns":
                rackIsolation = RackIsolation.Netns;
                break;
            case "none":
                rackIsolation = RackIsolation.None;
                break;
            default:
                return Fail($"--isolation '{isolation}' is not a mode: use auto, netns or none.");
        }

        var options = new PlatformOptions(Path.GetFullPath(dataDirectory), listenUri, zone) { DnsListen = dnsEndPoint, DnsTtl = ttl, DnsUpdate = dnsUpdateOptions, Isolation = rackIsolation };
        return new PlatformOptionsParseResult(options, null, false, hostArguments);

        PlatformOptionsParseResult Fail(string error) => new(null, error + " Run `meshd --help` for the options.", false, hostArguments);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? DefaultDataDirectory(Func<string, string?> environment)
    {
        if (NonEmpty(environment("XDG_DATA_HOME")) is { } xdg)
        {
            return Path.Combine(xdg, "widemesh");
        }

        var home = NonEmpty(environment("HOME")) ?? NonEmpty(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        return home is null ? null : Path.Combine(home, ".local", "share", "widemesh");
    }

    private static string? ZoneProblem(string zone)
    {
        var labels = zone.Split('.');
        if (zone.Length is 0 or > 200 || labels.Any(l => l.Length is 0 or > 63 || l[0] == '-' || l[^1] == '-' || !l.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            return $"--zone '{zone}' is not a DNS zone: give dot-separated labels of lowercase letters, digits and '-', such as widemesh.internal.";
        }

        return null;
    }
}

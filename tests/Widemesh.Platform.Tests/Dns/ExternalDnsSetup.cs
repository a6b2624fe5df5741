using System.Diagnostics;
using DnsClient;
using DnsClient.Protocol;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Dns;
using Widemesh.Testing.Meshd;

namespace Widemesh.Platform.Tests.Dns;

/// <summary>One test's BIND (own directory and port) and a meshd sending it RFC 2136 updates, with helpers to ask BIND itself.</summary>
public sealed class ExternalDnsSetup : IAsyncDisposable
{
    public const string Zone = "mesh.test";

    private readonly string _keyDirectory;

    private ExternalDnsSetup(BindServer bind, MeshdProcess meshd, string keyDirectory, string keyFile)
    {
        Bind = bind;
        Meshd = meshd;
        _keyDirectory = keyDirectory;
        KeyFile = keyFile;
    }

    public BindServer Bind { get; }

    public MeshdProcess Meshd { get; }

    public string KeyFile { get; }

    /// <summary>
    /// Starts BIND, then meshd pointed at it with a key file holding <paramref name="keyName"/> and
    /// <paramref name="secret"/> (BIND's own key when null). Skips the test when BIND cannot be had.
    /// </summary>
    public static async Task<ExternalDnsSetup> StartAsync(
        CancellationToken cancellationToken, string? keyName = null, string? secret = null, string? dataDirectory = null, bool grantUpdates = true)
    {
        var (bind, skip) = await BindServer.StartAsync(Zone, "meshd-key", cancellationToken, grantUpdates);
        if (bind is null)
        {
            Assert.Skip(skip!);
        }

        var keyDirectory = Directory.CreateTempSubdirectory("widemesh-tsig-").FullName;
        try
        {
            var keyFile = await BindServer.WriteKeyFileAsync(Path.Combine(keyDirectory, "meshd.key"), keyName ?? bind.KeyName, secret ?? bind.Secret, cancellationToken);
            var meshd = await MeshdProcess.StartAsync(Options(bind, keyFile, dataDirectory), cancellationToken);
            return new ExternalDnsSetup(bind, meshd, keyDirectory, keyFile);
        }
        catch
        {
            await bind.DisposeAsync();
            Directory.Delete(keyDirectory, recursive: true);
            throw;
        }
    }

    public static MeshdOptions Options(BindServer bind, string keyFile, string? dataDirectory) => new()
    {
        Zone = Zone,
        DataDirectory = dataDirectory,
        ExtraArguments = ["--dns-ttl", "2s", "--dns-update", bind.EndPoint.ToString(), "--dns-tsig-key", keyFile],
    };

    public async ValueTask DisposeAsync()
    {
        await Meshd.DisposeAsync();
        await Bind.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    public WidemeshClient CreateClient() => Meshd.CreateClient();

    public async Task<string[]> NewRacksAsync(WidemeshClient client, int count, CancellationToken cancellationToken)
    {
        var racks = new string[count];
        for (var i = 0; i < count; i++)
        {
            racks[i] = (await client.CreateRackAsync(new CreateRackRequest { Name = Support.Some.Name("rack") }, cancellationToken)).Name;
        }

        return racks;
    }

    /// <summary>What BIND itself answers now: the A addresses and TXT texts of the name (empty when it has none), and the response code.</summary>
    public async Task<BindAnswer> AskBindAsync(string hostname, CancellationToken cancellationToken)
    {
        var client = new LookupClient(new LookupClientOptions(new NameServer(Bind.EndPoint))
        {
            UseCache = false,
            Retries = 1,
            Timeout = TimeSpan.FromSeconds(2),
            ThrowDnsErrors = false,
            ContinueOnDnsError = false,
            ContinueOnEmptyResponse = false,
        });
        var a = await client.QueryAsync(hostname, QueryType.A, QueryClass.IN, cancellationToken);
        var txt = await client.QueryAsync(hostname, QueryType.TXT, QueryClass.IN, cancellationToken);
        return new BindAnswer(
            [.. a.Answers.ARecords().Select(r => r.Address.ToString())],
            [.. txt.Answers.TxtRecords().SelectMany(r => r.Text)],
            a.Header.ResponseCode.ToString());
    }

    /// <summary>Asks BIND until <paramref name="done"/> holds (every 50 ms, for at most <paramref name="within"/>); returns the last answer and how long it took.</summary>
    public async Task<(BindAnswer Answer, TimeSpan Elapsed)> WaitForBindAsync(string hostname, Func<BindAnswer, bool> done, TimeSpan within, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await AskBindAsync(hostname, cancellationToken);
            if (done(answer) || clock.Elapsed > within)
            {
                return (answer, clock.Elapsed);
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public async Task<DnsStatusExternal> WaitForStatusAsync(WidemeshClient client, Func<DnsStatusExternal, bool> done, TimeSpan within, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = (await client.GetDnsStatusAsync(cancellationToken)).External!;
            if (done(status) || clock.Elapsed > within)
            {
                return status;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async Task<string> IngressOfAsync(WidemeshClient client, string rack, CancellationToken cancellationToken) =>
        (await client.GetRackAsync(rack, cancellationToken))!.IngressAddress!;

    public static string Hostname(string environment) => $"{environment}.{Zone}";

    /// <summary>BIND's answer for a host name.</summary>
    public sealed record BindAnswer(IReadOnlyList<string> Addresses, IReadOnlyList<string> Texts, string Rcode);
}

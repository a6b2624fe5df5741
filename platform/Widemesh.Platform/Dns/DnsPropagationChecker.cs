using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;
using Widemesh.Platform.Configuration;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Dns;

/// <summary>
/// Asks resolvers what they answer for a host name, all at once, each query bounded by <see cref="QueryTimeout"/>
/// so a dead resolver is reported, never waited on. The default resolvers are meshd's own DNS server and the
/// system's (from /etc/resolv.conf).
/// </summary>
internal sealed class DnsPropagationChecker(PlatformOptions options)
{
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    public IReadOnlyList<IPEndPoint> DefaultResolvers()
    {
        var resolvers = new List<IPEndPoint>();
        if (options.DnsListen is { } own)
        {
            var address = own.Address.Equals(IPAddress.Any) ? IPAddress.Loopback : own.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : own.Address;
            resolvers.Add(new IPEndPoint(address, own.Port));
        }

        foreach (var server in NameServer.ResolveNameServers(skipIPv6SiteLocal: true, fallbackToGooglePublicDns: false))
        {
            var endPoint = new IPEndPoint(IPAddress.Parse(server.Address), server.Port);
            if (!resolvers.Contains(endPoint))
            {
                resolvers.Add(endPoint);
            }
        }

        return resolvers;
    }

    public async Task<DnsPropagation> CheckAsync(string hostname, IPAddress expected, IReadOnlyList<IPEndPoint> resolvers, CancellationToken cancellationToken)
    {
        var type = expected.AddressFamily == AddressFamily.InterNetworkV6 ? QueryType.AAAA : QueryType.A;
        var answers = await Task.WhenAll(resolvers.Select(r => AskAsync(r, hostname, type, expected, cancellationToken)));
        return new DnsPropagation
        {
            Hostname = hostname,
            ExpectedAddress = expected.ToString(),
            Propagated = answers.Length > 0 && answers.All(a => a.Matches),
            Resolvers = answers,
        };
    }

    private static async Task<ResolverAnswer> AskAsync(IPEndPoint resolver, string hostname, QueryType type, IPAddress expected, CancellationToken cancellationToken)
    {
        var client = new LookupClient(new LookupClientOptions(new NameServer(resolver))
        {
            Timeout = QueryTimeout,
            Retries = 0,
            UseCache = false,
            UseTcpFallback = true,
            ThrowDnsErrors = false,
            ContinueOnDnsError = false,
            ContinueOnEmptyResponse = false,
        });

        // A hard bound on top of the library's own timeout (which covers one attempt, not a TCP fallback too).
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(QueryTimeout * 2);
        var name = resolver.ToString();
        try
        {
            var response = await client.QueryAsync(hostname, type, QueryClass.IN, bounded.Token);
            var records = response.Answers.OfType<AddressRecord>().Where(r => r.RecordType == (type == QueryType.A ? ResourceRecordType.A : ResourceRecordType.AAAA)).ToList();
            var addresses = records.Select(r => r.Address).ToList();
            return new ResolverAnswer
            {
                Resolver = name,
                Answers = [.. addresses.Select(a => a.ToString())],
                Ttl = records.Count > 0 ? records.Min(r => r.TimeToLive) : null,
                Matches = addresses.Count > 0 && addresses.All(expected.Equals),
                Error = response.HasError ? $"{response.Header.ResponseCode}: {response.ErrorMessage}" : null,
            };
        }
        catch (DnsResponseException exception)
        {
            return Failed(name, exception.Code == DnsResponseCode.ConnectionTimeout
                ? $"no answer within {QueryTimeout.TotalSeconds:0.#} s"
                : exception.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(name, $"no answer within {(QueryTimeout * 2).TotalSeconds:0.#} s");
        }
        catch (SocketException exception)
        {
            return Failed(name, exception.Message);
        }
    }

    private static ResolverAnswer Failed(string resolver, string error) => new() { Resolver = resolver, Answers = [], Matches = false, Error = error };
}

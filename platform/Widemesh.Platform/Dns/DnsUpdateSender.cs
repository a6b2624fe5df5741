using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Dns.DynamicUpdate;
using Widemesh.Platform.Configuration;

namespace Widemesh.Platform.Dns;

/// <summary>
/// Sends one TSIG-signed RFC 2136 UPDATE that makes the server's A/AAAA/TXT records of some host names equal to
/// a zone snapshot: each RRset is deleted, then the current records (if the host still exists) are added, in one
/// atomic message. Every exchange is bounded by <see cref="ExchangeTimeout"/>.
/// </summary>
internal sealed class DnsUpdateSender(DnsUpdateOptions options, TimeProvider time)
{
    public static readonly TimeSpan ExchangeTimeout = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan Fudge = TimeSpan.FromMinutes(5);

    public async Task<DnsUpdateOutcome> SendAsync(IReadOnlyCollection<string> hostnames, DnsZoneSnapshot snapshot, int ttl, CancellationToken cancellationToken)
    {
        var message = new DnsUpdateMessage { ZoneName = DomainName.Parse(options.Zone) };
        foreach (var hostname in hostnames)
        {
            var name = DomainName.Parse(hostname);
            message.Updates.Add(new DeleteAllRecordsUpdate(name, RecordType.A));
            message.Updates.Add(new DeleteAllRecordsUpdate(name, RecordType.Aaaa));
            message.Updates.Add(new DeleteAllRecordsUpdate(name, RecordType.Txt));
            if (snapshot.Hosts.TryGetValue(hostname, out var host))
            {
                if (host.Address is { } address)
                {
                    message.Updates.Add(new AddRecordUpdate(address.AddressFamily == AddressFamily.InterNetworkV6
                        ? new AaaaRecord(name, ttl, address)
                        : new ARecord(name, ttl, address)));
                }

                message.Updates.Add(new AddRecordUpdate(new TxtRecord(name, ttl, host.RacksText)));
            }
        }

        var key = options.Key;
        message.TSigOptions = new TSigRecord(
            DomainName.Parse(key.Name), key.Algorithm, time.GetUtcNow().UtcDateTime, Fudge, message.TransactionID, ReturnCode.NoError, null, key.Secret.ToArray());

        var port = options.Server.Port;
        var client = new ARSoft.Tools.Net.Dns.DnsClient([options.Server.Address], [new UdpClientTransport(port), new TcpClientTransport(port)], true, (int)ExchangeTimeout.TotalMilliseconds);

        // The library's timeout covers one attempt; this bounds the whole exchange (UDP, then TCP on truncation).
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(ExchangeTimeout * 2);
        DnsUpdateMessage? response;
        try
        {
            response = await client.SendUpdateAsync(message, bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            response = null;
        }
        catch (SocketException exception)
        {
            return new DnsUpdateOutcome(false, "NETWORK", $"{Where}: {exception.Message}. Check that the server runs and listens on {options.Server}.");
        }

        return response is null
            ? new DnsUpdateOutcome(false, "TIMEOUT", $"{Where}: no answer within {ExchangeTimeout.TotalSeconds:0.#} s. Check that the server runs and listens on {options.Server} (UDP and TCP), and that no firewall drops the packets.")
            : Interpret(response);
    }

    private string Where => $"update of zone {options.Zone} at {options.Server}";

    private DnsUpdateOutcome Interpret(DnsUpdateMessage response)
    {
        var key = options.Key;
        var tsigError = response.TSigOptions?.Error ?? ReturnCode.NoError;
        return (response.ReturnCode, tsigError) switch
        {
            (ReturnCode.NoError, ReturnCode.NoError) => DnsUpdateOutcome.Success,
            (_, ReturnCode.BadSig) => new(false, "BADSIG", $"{Where}: the server rejected the signature of TSIG key '{key.Name}': its secret differs from the server's key of that name. Copy the key file from the server's configuration to {options.KeyFile}."),
            (_, ReturnCode.BadKey) => new(false, "BADKEY", $"{Where}: the server does not know TSIG key '{key.Name}' ({key.AlgorithmName}). Add the key to the server's configuration (key \"{key.Name}\" {{ … }};) with the same algorithm, or point --dns-tsig-key at the key it has."),
            (_, ReturnCode.BadTime) => new(false, "BADTIME", $"{Where}: the server rejected the signature's time: this machine's clock and the server's differ by more than {Fudge.TotalMinutes:0} minutes. Synchronise the clocks (NTP)."),
            (ReturnCode.Refused, _) => new(false, "REFUSED", $"{Where}: the server refused the update. Allow key '{key.Name}' to update the zone in the server's configuration (allow-update {{ key \"{key.Name}\"; }}; or an update-policy grant)."),
            (ReturnCode.NotAuthoritive, _) => new(false, "NOTAUTH", $"{Where}: the server is not authoritative for zone {options.Zone} (or did not accept the key for it). Check --dns-update-zone, and that {options.Server} is the zone's primary."),
            (ReturnCode.NotZone, _) => new(false, "NOTZONE", $"{Where}: the host names are outside zone {options.Zone} on the server. Check --zone and --dns-update-zone."),
            (ReturnCode.ServerFailure, _) => new(false, "SERVFAIL", $"{Where}: the server failed to apply the update (see its log; a read-only zone file or journal is a common cause)."),
            (var code, _) => new(false, code.ToString().ToUpperInvariant(), $"{Where}: the server answered {code}."),
        };
    }
}

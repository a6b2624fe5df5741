using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Widemesh.Platform.Configuration;

namespace Widemesh.Platform.Dns;

/// <summary>
/// Lists the environment host names the external server holds, by a TSIG-signed zone transfer (AXFR over TCP):
/// names one label under meshd's zone with a <c>racks=…</c> TXT record, which is how meshd marks what it wrote.
/// The updater deletes those meshd no longer has (environments deleted while it could not reach the server).
/// </summary>
internal sealed class DnsZoneLister(DnsUpdateOptions options, string hostZone, TimeProvider time)
{
    public static readonly TimeSpan TransferTimeout = TimeSpan.FromSeconds(10);

    public async Task<(IReadOnlyList<string>? Hostnames, DnsUpdateOutcome? Failure)> ListAsync(CancellationToken cancellationToken)
    {
        var query = new DnsMessage { IsQuery = true };
        query.Questions.Add(new DnsQuestion(DomainName.Parse(options.Zone), RecordType.Axfr, RecordClass.INet));
        var key = options.Key;
        query.TSigOptions = new TSigRecord(
            DomainName.Parse(key.Name), key.Algorithm, time.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(5), query.TransactionID, ReturnCode.NoError, null, key.Secret.ToArray());
        var client = new ARSoft.Tools.Net.Dns.DnsClient(
            [options.Server.Address], [new TcpClientTransport(options.Server.Port)], true, (int)TransferTimeout.TotalMilliseconds);

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TransferTimeout);
        DnsMessage? response;
        try
        {
            response = await client.SendMessageAsync(query, bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            response = null;
        }
        catch (SocketException exception)
        {
            return (null, new DnsUpdateOutcome(false, "NETWORK", exception.Message));
        }

        if (response is null)
        {
            return (null, new DnsUpdateOutcome(false, "TIMEOUT", $"no complete zone transfer within {TransferTimeout.TotalSeconds:0} s"));
        }

        if (response.ReturnCode != ReturnCode.NoError || response.TSigOptions?.Error is { } error && error != ReturnCode.NoError)
        {
            var code = response.TSigOptions?.Error is { } tsig && tsig != ReturnCode.NoError ? tsig : response.ReturnCode;
            return (null, new DnsUpdateOutcome(false, code.ToString().ToUpperInvariant(), $"the server refused a zone transfer of {options.Zone} to key '{key.Name}'"));
        }

        var suffix = "." + hostZone;
        var names = response.AnswerRecords
            .OfType<TxtRecord>()
            .Where(r => r.TextData.StartsWith("racks=", StringComparison.Ordinal))
            .Select(r => r.Name.ToString().TrimEnd('.').ToLowerInvariant())
            .Where(n => n.EndsWith(suffix, StringComparison.Ordinal) && !n[..^suffix.Length].Contains('.', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return (names, null);
    }
}

using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace Widemesh.Platform.Dns;

/// <summary>
/// Answers one query from the zone's snapshot, authoritatively: SOA and NS at the apex, A or AAAA and TXT for each
/// environment, NXDOMAIN (with the SOA) for other names in the zone, REFUSED for names outside it.
/// The name server is <c>ns.&lt;zone&gt;</c>; an environment called <c>ns</c> takes that name's address records.
/// </summary>
internal sealed class DnsResponder(DnsZone zone, IPAddress serverAddress)
{
    private const int SoaRefresh = 3600;
    private const int SoaRetry = 600;
    private const int SoaExpire = 86400;

    private readonly DomainName _apex = DomainName.Parse(zone.Zone);
    private readonly DomainName _nameServer = DomainName.Parse("ns." + zone.Zone);

    public DnsMessage Answer(DnsMessage query)
    {
        var response = query.CreateResponseInstance();
        if (query.OperationCode != OperationCode.Query)
        {
            response.ReturnCode = ReturnCode.NotImplemented;
            return response;
        }

        if (query.Questions is not [var question])
        {
            response.ReturnCode = ReturnCode.FormatError;
            return response;
        }

        if (question.RecordClass is not (RecordClass.INet or RecordClass.Any) || !question.Name.IsEqualOrSubDomainOf(_apex))
        {
            response.ReturnCode = ReturnCode.Refused;
            return response;
        }

        response.IsAuthoritiveAnswer = true;
        var snapshot = zone.Snapshot;
        var records = RecordsOf(question.Name, snapshot);
        if (records is null)
        {
            response.ReturnCode = ReturnCode.NxDomain;
            response.AuthorityRecords.Add(Soa(snapshot));
            return response;
        }

        response.ReturnCode = ReturnCode.NoError;
        response.AnswerRecords.AddRange(records.Where(r => question.RecordType == RecordType.Any || r.RecordType == question.RecordType));
        if (response.AnswerRecords.Count == 0)
        {
            response.AuthorityRecords.Add(Soa(snapshot));
        }

        return response;
    }

    /// <summary>The records of one name, or null when the name does not exist in the zone.</summary>
    private List<DnsRecordBase>? RecordsOf(DomainName name, DnsZoneSnapshot snapshot)
    {
        if (name.Equals(_apex))
        {
            return [Soa(snapshot), new NsRecord(_apex, zone.Ttl, _nameServer)];
        }

        var key = name.ToString().TrimEnd('.').ToLowerInvariant();
        if (snapshot.Hosts.TryGetValue(key, out var host))
        {
            var records = new List<DnsRecordBase>(2);
            if (host.Address is { } address)
            {
                records.Add(AddressRecord(name, address));
            }

            records.Add(new TxtRecord(name, zone.Ttl, host.RacksText));
            return records;
        }

        return name.Equals(_nameServer) ? [AddressRecord(name, serverAddress)] : null;
    }

    private DnsRecordBase AddressRecord(DomainName name, IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? new AaaaRecord(name, zone.Ttl, address) : new ARecord(name, zone.Ttl, address);

    private SoaRecord Soa(DnsZoneSnapshot snapshot) =>
        new(_apex, zone.Ttl, _nameServer, DomainName.Parse("hostmaster." + zone.Zone), snapshot.Serial, SoaRefresh, SoaRetry, SoaExpire, zone.Ttl);
}

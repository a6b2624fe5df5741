using System.Net;

namespace Widemesh.Platform;

/// <summary>meshd's log messages about RFC 2136 updates to an external DNS server (event ids 65–72). Never the key's secret.</summary>
internal static partial class Log
{
    [LoggerMessage(65, LogLevel.Information, "External DNS: reconciling {Hosts} host names with {Server}, zone {Zone}, signed with TSIG key {KeyName}")]
    public static partial void ExternalDnsReconciling(ILogger logger, IPEndPoint server, string zone, int hosts, string keyName);

    [LoggerMessage(66, LogLevel.Debug, "External DNS: {Server} accepted the records of {Hosts} host names")]
    public static partial void ExternalDnsUpdated(ILogger logger, IPEndPoint server, int hosts);

    [LoggerMessage(67, LogLevel.Warning, "External DNS update failed ({Rcode}): {Message} Retrying in {RetrySeconds} s; GET /v1/dns/status shows the state")]
    public static partial void ExternalDnsFailed(ILogger logger, string rcode, string message, double retrySeconds);

    [LoggerMessage(68, LogLevel.Debug, "External DNS update still failing ({Rcode}, {Failures} times in a row); retrying in {RetrySeconds} s")]
    public static partial void ExternalDnsStillFailing(ILogger logger, string rcode, int failures, double retrySeconds);

    [LoggerMessage(69, LogLevel.Information, "External DNS: {Server} accepts updates of zone {Zone} again after {Failures} failed attempts")]
    public static partial void ExternalDnsRecovered(ILogger logger, IPEndPoint server, string zone, int failures);

    [LoggerMessage(70, LogLevel.Warning, "External DNS: more than {MaxPending} host names were waiting; sending every host of the zone once the backlog is through")]
    public static partial void ExternalDnsOverflow(ILogger logger, int maxPending);

    [LoggerMessage(71, LogLevel.Warning, "External DNS: cannot list zone {Zone} at {Server} ({Rcode}: {Message}), so records of environments deleted while meshd could not reach it stay there; allow the zone transfer to the key (allow-transfer {{ key \"{KeyName}\"; }};) to have them removed")]
    public static partial void ExternalDnsCannotList(ILogger logger, IPEndPoint server, string zone, string rcode, string message, string keyName);

    [LoggerMessage(72, LogLevel.Information, "External DNS: {Server} holds {Hosts} environment host names; {Stale} of them no longer exist and are being deleted")]
    public static partial void ExternalDnsListed(ILogger logger, IPEndPoint server, int hosts, int stale);
}

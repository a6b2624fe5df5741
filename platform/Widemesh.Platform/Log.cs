namespace Widemesh.Platform;

/// <summary>meshd's log messages, with stable event ids. No message ever carries a token secret.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "meshd starting: data directory {DataDirectory}, listening on {Listen}, zone {Zone}")]
    public static partial void Starting(ILogger logger, string dataDirectory, Uri listen, string zone);

    [LoggerMessage(2, LogLevel.Information, "Created the admin account; its token is in {Path} (readable by this user only)")]
    public static partial void AdminTokenWritten(ILogger logger, string path);

    [LoggerMessage(3, LogLevel.Information, "The admin token is in {Path}")]
    public static partial void AdminTokenAt(ILogger logger, string path);

    [LoggerMessage(4, LogLevel.Warning, "The admin account exists but {Path} is missing; create another admin token with an existing admin token (POST /v1/tokens)")]
    public static partial void AdminTokenMissing(ILogger logger, string path);

    [LoggerMessage(5, LogLevel.Information, "Store ready: {Database}")]
    public static partial void StoreReady(ILogger logger, string database);

    [LoggerMessage(10, LogLevel.Information, "Account {Account} created")]
    public static partial void AccountCreated(ILogger logger, string account);

    [LoggerMessage(11, LogLevel.Information, "Token {TokenName} ({TokenId}) created for account {Account}")]
    public static partial void TokenCreated(ILogger logger, string tokenName, string tokenId, string account);

    [LoggerMessage(12, LogLevel.Information, "Token {TokenId} deleted by account {Account}")]
    public static partial void TokenDeleted(ILogger logger, string tokenId, string account);

    [LoggerMessage(20, LogLevel.Information, "Rack {Rack} ({Provider}) created for account {Account}")]
    public static partial void RackCreated(ILogger logger, string rack, string provider, string account);

    [LoggerMessage(21, LogLevel.Information, "Rack {Rack} deleted by account {Account}")]
    public static partial void RackDeleted(ILogger logger, string rack, string account);

    [LoggerMessage(30, LogLevel.Information, "Environment {Environment} created for account {Account} on racks {Racks}")]
    public static partial void EnvironmentCreated(ILogger logger, string environment, string account, string racks);

    [LoggerMessage(31, LogLevel.Information, "Environment {Environment} of account {Account} now on racks {Racks} (version {Version})")]
    public static partial void EnvironmentUpdated(ILogger logger, string environment, string account, string racks, long version);

    [LoggerMessage(32, LogLevel.Information, "Environment {Environment} deleted by account {Account}")]
    public static partial void EnvironmentDeleted(ILogger logger, string environment, string account);

    [LoggerMessage(40, LogLevel.Debug, "Authentication failed: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string reason);

    [LoggerMessage(60, LogLevel.Information, "DNS: answering for {Zone} on {EndPoint} (UDP and TCP)")]
    public static partial void DnsListening(ILogger logger, System.Net.IPEndPoint endPoint, string zone);

    [LoggerMessage(61, LogLevel.Warning, "DNS is off: cannot listen on {EndPoint} ({Reason}); pick another address with --dns-listen (or MESHD_DNS_LISTEN), or 'off'")]
    public static partial void DnsCannotListen(ILogger logger, System.Net.IPEndPoint endPoint, string reason);

    [LoggerMessage(62, LogLevel.Information, "DNS is off (--dns-listen off)")]
    public static partial void DnsOff(ILogger logger);

    [LoggerMessage(63, LogLevel.Debug, "DNS zone {Zone} rebuilt: {Hosts} hosts, serial {Serial}")]
    public static partial void DnsZoneRefreshed(ILogger logger, string zone, int hosts, uint serial);

    [LoggerMessage(64, LogLevel.Warning, "DNS: a query failed")]
    public static partial void DnsQueryFailed(ILogger logger, Exception exception);

    [LoggerMessage(50, LogLevel.Debug, "Rack runtime {Provider}: {Action} environment {Environment} on rack {Rack}")]
    public static partial void RackRuntimeAction(ILogger logger, string provider, string action, string environment, string rack);
}

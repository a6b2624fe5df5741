using Microsoft.Extensions.Logging;

namespace Widemesh.Provider;

/// <summary>Every log message of the provider, with stable event IDs. Never logs a token.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Provider configured for {Endpoint} (token {TokenState}, terraform {TerraformVersion})")]
    public static partial void Configured(ILogger logger, Uri endpoint, string tokenState, string terraformVersion);

    [LoggerMessage(2, LogLevel.Information, "Provider configuration has unknown values; plan skips checks that need the platform")]
    public static partial void ConfiguredUnknown(ILogger logger);

    [LoggerMessage(3, LogLevel.Debug, "{Rpc} {TypeName}")]
    public static partial void Rpc(ILogger logger, string rpc, string typeName);

    [LoggerMessage(4, LogLevel.Error, "{Rpc} failed unexpectedly")]
    public static partial void RpcFailed(ILogger logger, string rpc, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "StopProvider: cancelling in-flight work")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(6, LogLevel.Information, "Serving plugin protocol 6 on {Network} {Address} (TLS {Tls})")]
    public static partial void Serving(ILogger logger, string network, string address, bool tls);

    [LoggerMessage(7, LogLevel.Information, "Shutdown requested by the plugin client")]
    public static partial void ShutdownRequested(ILogger logger);

    [LoggerMessage(9, LogLevel.Debug, "Startup: certificate {CertificateMs:F1} ms, host built {BuiltMs:F1} ms, listening {ListeningMs:F1} ms")]
    public static partial void StartupTimings(ILogger logger, double certificateMs, double builtMs, double listeningMs);

    [LoggerMessage(8, LogLevel.Warning, "Refused a TLS client certificate that is not the one in PLUGIN_CLIENT_CERT ({Subject})")]
    public static partial void ClientCertificateRefused(ILogger logger, string subject);
}

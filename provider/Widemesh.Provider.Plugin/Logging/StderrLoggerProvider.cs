using Microsoft.Extensions.Logging;

namespace Widemesh.Provider.Plugin.Logging;

/// <summary>Logs to stderr at the level chosen by TF_LOG_PROVIDER or TF_LOG.</summary>
internal sealed class StderrLoggerProvider(LogLevel minimum) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(categoryName, minimum);

    public void Dispose()
    {
    }

    /// <summary>
    /// Terraform's rule: TRACE DEBUG INFO WARN ERROR OFF, JSON = TRACE, anything else = TRACE;
    /// unset means Terraform shows nothing, so only warnings and errors are written.
    /// </summary>
    public static LogLevel ParseLevel(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" => LogLevel.Warning,
        "TRACE" or "JSON" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" => LogLevel.Information,
        "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "OFF" => LogLevel.None,
        _ => LogLevel.Trace,
    };
}

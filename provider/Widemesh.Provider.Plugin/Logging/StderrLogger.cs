using Microsoft.Extensions.Logging;

namespace Widemesh.Provider.Plugin.Logging;

/// <summary>One category's logger; see <see cref="StderrLogWriter"/> for the line format.</summary>
internal sealed class StderrLogger(string category, LogLevel minimum) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var prefix = logLevel switch
        {
            LogLevel.Trace => "[TRACE]",
            LogLevel.Debug => "[DEBUG]",
            LogLevel.Information => "[INFO]",
            LogLevel.Warning => "[WARN]",
            _ => "[ERROR]",
        };
        var message = formatter(state, exception).ReplaceLineEndings(" ");
        var error = exception is null ? string.Empty : $": {exception.GetType().Name}: {exception.Message}".ReplaceLineEndings(" ");
        StderrLogWriter.Instance.WriteLine($"{prefix} {category}: {message}{error}");
    }
}

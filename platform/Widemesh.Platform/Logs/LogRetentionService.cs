namespace Widemesh.Platform.Logs;

/// <summary>Applies the age and size limits every <see cref="LogStoreOptions.RetentionInterval"/>, also to idle environments.</summary>
internal sealed class LogRetentionService(LogStore store, ILogger<LogRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(store.Options.RetentionInterval, store.Time);
        try
        {
            do
            {
                try
                {
                    store.ApplyRetention();
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    LogStoreLog.RetentionFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // A host that fails to start (a busy port) is disposed without StopAsync: the token ends the loop, nothing failed.
        }
    }
}

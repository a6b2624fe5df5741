using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Widemesh.Platform.Logs;

/// <summary>Registers the log store, its ingestion and retention. meshd also registers an <see cref="IEnvironmentLookup"/>.</summary>
internal static class LogsServiceCollectionExtensions
{
    public static IServiceCollection AddWidemeshLogs(this IServiceCollection services, LogStoreOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LogStore>();
        services.AddSingleton<LogIngestor>();
        services.AddSingleton<IngestTokenService>();
        services.AddHostedService<LogRetentionService>();
        return services;
    }
}

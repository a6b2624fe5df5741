namespace Widemesh.Platform.Dns;

/// <summary>Registers the RFC 2136 publisher (idle unless <c>--dns-update</c> is set) and its status.</summary>
internal static class ExternalDnsRegistration
{
    public static IServiceCollection AddExternalDnsUpdates(this IServiceCollection services)
    {
        services.AddSingleton<ExternalDnsHealth>();
        services.AddHostedService<ExternalDnsUpdater>();
        return services;
    }
}

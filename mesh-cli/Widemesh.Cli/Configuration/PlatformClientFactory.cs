using Widemesh.Sdk.Client;

namespace Widemesh.Cli.Configuration;

/// <summary>Creates the platform client from the resolved endpoint and token.</summary>
internal static class PlatformClientFactory
{
    public static WidemeshClient Create(ConnectionSettings settings) => new(new WidemeshClientOptions
    {
        Endpoint = settings.Endpoint,
        Token = settings.Token,
    });

    public static WidemeshClient Create(CliContext context) => Create(new ConnectionResolver(context).Resolve());
}

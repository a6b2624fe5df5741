using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Widemesh.Provider.Protocol.GoPlugin;

namespace Widemesh.Provider.Plugin.Services;

/// <summary>
/// <c>plugin.GRPCStdio/StreamStdio</c>: the provider never writes to stdout or stderr through this
/// stream, so it stays open without data and completes when the host stops.
/// </summary>
internal sealed class StdioService(IHostApplicationLifetime lifetime) : GRPCStdio.GRPCStdioBase
{
    public override async Task StreamStdio(Google.Protobuf.WellKnownTypes.Empty request, IServerStreamWriter<StdioData> responseStream, ServerCallContext context)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, done.Token);
        }
        catch (OperationCanceledException)
        {
            // Stream ends with the call or with the host.
        }
    }
}

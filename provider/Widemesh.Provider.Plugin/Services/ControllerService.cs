using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Widemesh.Provider.Protocol.GoPlugin;

namespace Widemesh.Provider.Plugin.Services;

/// <summary><c>plugin.GRPCController/Shutdown</c>: answer, then stop the host at once so the process exits well within Terraform's 2 s.</summary>
internal sealed class ControllerService(IHostApplicationLifetime lifetime, ILogger<ControllerService> logger) : GRPCController.GRPCControllerBase
{
    public override Task<Empty> Shutdown(Empty request, ServerCallContext context)
    {
        Log.ShutdownRequested(logger);
        _ = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None);
            lifetime.StopApplication();
        });
        return Task.FromResult(new Empty());
    }
}

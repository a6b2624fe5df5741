using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;

namespace Widemesh.Provider.Plugin.Hosting;

/// <summary>
/// Replaces the console lifetime: SIGINT is ignored (Ctrl-C reaches the whole process group and
/// Terraform answers it with StopProvider), SIGTERM stops the host, nothing is printed.
/// </summary>
internal sealed class PluginLifetime(IHostApplicationLifetime lifetime) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            lifetime.StopApplication();
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}

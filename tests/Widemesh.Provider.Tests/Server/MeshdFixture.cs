using Widemesh.Testing.Meshd;

namespace Widemesh.Provider.Tests.Server;

/// <summary>One real meshd (loopback port, temp data dir) shared by the tests of a class.</summary>
public sealed class MeshdFixture : IAsyncLifetime
{
    private MeshdProcess? _meshd;

    public MeshdProcess Meshd => _meshd ?? throw new InvalidOperationException("meshd has not started.");

    public async ValueTask InitializeAsync() =>
        _meshd = await MeshdProcess.StartAsync(new MeshdOptions { Zone = "test.widemesh.internal" }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_meshd is not null)
        {
            await _meshd.DisposeAsync();
        }
    }
}

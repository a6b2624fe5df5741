using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Provider.Tests.Acceptance;

/// <summary>One meshd with racks a, b and c, shared by the acceptance tests of a class.</summary>
public sealed class MeshdForTerraform : IAsyncLifetime
{
    private MeshdProcess? _meshd;

    public MeshdProcess Meshd => _meshd ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        if (TerraformWorkspace.FindTerraform() is null)
        {
            return;
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        _meshd = await MeshdProcess.StartAsync(new MeshdOptions(), cancellationToken);
        using var client = _meshd.CreateClient();
        foreach (var rack in new[] { "a", "b", "c" })
        {
            await client.CreateRackAsync(new CreateRackRequest { Name = rack }, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_meshd is not null)
        {
            await _meshd.DisposeAsync();
        }
    }

    public Task<TerraformWorkspace> WorkspaceAsync(CancellationToken cancellationToken, bool devOverrides = false)
    {
        TerraformWorkspace.SkipUnlessInstalled();
        return TerraformWorkspace.CreateAsync(Meshd, cancellationToken, devOverrides);
    }
}

using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;
using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Plugin;

namespace Widemesh.Provider.Tests.Conformance;

/// <summary>
/// One real meshd (with racks <c>a</c>, <c>b</c>, <c>c</c>) and the published provider executable, shared by the
/// tests of one class. Each <see cref="LaunchAsync"/> is a new provider process, like each Terraform graph walk.
/// </summary>
public sealed class ProviderUnderTest : IAsyncLifetime
{
    public static readonly string[] Racks = ["a", "b", "c"];

    private MeshdProcess? _meshd;

    public MeshdProcess Meshd => _meshd ?? throw new InvalidOperationException("not started");

    public string ExecutablePath { get; private set; } = string.Empty;

    public string WorkingDirectory { get; } = Directory.CreateTempSubdirectory("widemesh-conformance-").FullName;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        ExecutablePath = await ProviderBinary.GetPathAsync(cancellationToken);
        _meshd = await MeshdProcess.StartAsync(new MeshdOptions(), cancellationToken);
        using var client = _meshd.CreateClient();
        foreach (var rack in Racks)
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

        Directory.Delete(WorkingDirectory, recursive: true);
    }

    public PluginLaunchOptions LaunchOptions(Func<PluginLaunchOptions, PluginLaunchOptions>? change = null)
    {
        var options = new PluginLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            WorkingDirectory = WorkingDirectory,
            Environment = new Dictionary<string, string?> { ["WIDEMESH_ENDPOINT"] = null, ["WIDEMESH_TOKEN"] = null },
        };
        return change is null ? options : change(options);
    }

    /// <summary>A new provider process (a new graph walk), schema fetched and checked.</summary>
    public Task<ConformanceHarness> LaunchAsync(CancellationToken cancellationToken) =>
        ConformanceHarness.StartAsync(LaunchOptions(), cancellationToken);

    /// <summary>A new process that has run Terraform's prelude for plan/apply walks: validate and configure the provider.</summary>
    public async Task<ConformanceHarness> LaunchConfiguredAsync(CancellationToken cancellationToken, string? token = null)
    {
        var harness = await LaunchAsync(cancellationToken);
        var config = ProviderConfig(harness, token);
        Assert.Empty(await harness.ValidateProviderConfigAsync(config, cancellationToken));
        Assert.Empty(await harness.ConfigureProviderAsync(config, cancellationToken));
        return harness;
    }

    public CtyValue ProviderConfig(ConformanceHarness harness, string? token = null) =>
        CtyValue.Object(harness.Schemas.Provider.Block.ImpliedType(), new Dictionary<string, CtyValue>
        {
            ["endpoint"] = CtyValue.String(Meshd.Endpoint.ToString()),
            ["token"] = CtyValue.String(token ?? Meshd.AdminToken),
        });

    /// <summary>An environment config as Terraform sends it: absent blocks (<c>stack</c>, <c>service</c>) are empty lists, never null.</summary>
    public static CtyValue EnvironmentConfig(ConformanceHarness harness, string name, params string[] racks)
    {
        var block = harness.Schemas.Resource("widemesh_environment").Block;
        var values = new Dictionary<string, CtyValue>
        {
            ["name"] = CtyValue.String(name),
            ["racks"] = CtyValue.StringList(racks),
        };
        foreach (var nested in block.BlockTypes)
        {
            values[nested.TypeName] = CtyValue.List(nested.Block.ImpliedType(), []);
        }

        return CtyValue.Object(block.ImpliedType(), values);
    }

    public static CtyValue RackConfig(ConformanceHarness harness, string name) =>
        CtyValue.Object(harness.Schemas.Resource("widemesh_rack").Block.ImpliedType(), new Dictionary<string, CtyValue>
        {
            ["name"] = CtyValue.String(name),
        });
}

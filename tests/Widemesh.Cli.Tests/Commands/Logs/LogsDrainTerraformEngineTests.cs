using Widemesh.Cli.Tests.Support;
using Widemesh.Testing.Terraform.Plugin;

namespace Widemesh.Cli.Tests.Commands.Logs;

/// <summary>
/// <c>mesh logs drain add|rm</c> with the terraform engine: the same HCL applied by the real terraform (or tofu) and the
/// published provider. Skipped, saying why, without terraform.
/// </summary>
public sealed class LogsDrainTerraformEngineTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Drain_add_and_rm_apply_through_terraform()
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await CreateMeshAsync(ct);
        var bed = await LogsTestBed.CreateAsync(mesh, mesh.CreateClient(), 1, ct);

        var add = await mesh.RunExpectingAsync(0, ["logs", "drain", "add", "syslog+tcp://127.0.0.1:9", "--engine", "terraform", "--json"], ct);
        var id = (string?)add.Json["drain"]!["id"] ?? string.Empty;
        var clean = await mesh.RunExpectingAsync(0, ["plan", "--engine", "terraform", "--json"], ct);
        var rm = await mesh.RunExpectingAsync(0, ["logs", "drain", "rm", id, "--engine", "terraform", "--json"], ct);

        Assert.Matches("^(terraform|tofu)$", (string?)add.Json["engine"]);
        Assert.Equal(1, (int?)add.Json["changes"]!["add"]);
        Assert.StartsWith("drn_", id, StringComparison.Ordinal);
        Assert.Equal(0, (int?)clean.Json["changes"]!["add"] + (int?)clean.Json["changes"]!["change"] + (int?)clean.Json["changes"]!["destroy"]);
        Assert.Equal(1, (int?)rm.Json["changes"]!["destroy"]);
        Assert.Empty(await bed.Client.ListDrainsAsync(bed.Environment, ct));
    }

    private async Task<MeshCli> CreateMeshAsync(CancellationToken ct)
    {
        if (Cli.Terraform.TerraformLocator.Find(new CliContext
        {
            Out = TextWriter.Null,
            Error = TextWriter.Null,
            GetVariable = System.Environment.GetEnvironmentVariable,
            HomeDirectory = Path.GetTempPath(),
            CurrentDirectory = Path.GetTempPath(),
        }) is null)
        {
            Assert.Skip("No terraform or tofu on PATH: the terraform engine needs one.");
        }

        var provider = await ProviderBinary.GetPathAsync(ct);
        var mesh = await MeshCli.CreateAsync(fixture, ct);
        mesh.Variables["WIDEMESH_PROVIDER_PATH"] = provider;
        return mesh;
    }
}

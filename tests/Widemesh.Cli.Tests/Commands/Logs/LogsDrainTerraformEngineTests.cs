using Widemesh.Cli.Tests.Support;

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
        var mesh = await MeshCli.CreateForTerraformAsync(fixture, "the terraform engine needs one", ct);
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
}

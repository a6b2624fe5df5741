using System.Diagnostics;
using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Terraform;

/// <summary>
/// The terraform engine and the hand-over between engines, with the real terraform (or tofu) on
/// PATH and the published provider (published from source when stale). Skipped, saying why, without terraform.
/// </summary>
public sealed class TerraformEngineTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Env_create_with_the_terraform_engine_applies_through_terraform()
    {
        var mesh = await MeshCli.CreateForTerraformAsync(fixture, "the terraform engine and the engine hand-over need one", TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["main"], TestContext.Current.CancellationToken);
        var name = Some.Name();

        var result = await mesh.RunExpectingAsync(0, ["env", "create", name, "--engine", "terraform", "--json"], TestContext.Current.CancellationToken);

        Assert.Matches("^(terraform|tofu)$", (string?)result.Json["engine"]);
        Assert.Equal(1, (int?)result.Json["changes"]!["add"]);
        Assert.StartsWith("ws_", (string?)result.Json["environment"]!["managedBy"], StringComparison.Ordinal);
        Assert.Contains("\"terraform_version\"", mesh.ReadWorkspaceFile("terraform.tfstate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terraform_takes_over_a_workspace_applied_by_the_builtin_engine_with_an_empty_plan()
    {
        var mesh = await MeshCli.CreateForTerraformAsync(fixture, "the terraform engine and the engine hand-over need one", TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "create", "main", "--engine", "builtin"], TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["env", "create", Some.Name(), "--engine", "builtin"], TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["plan", "--engine", "terraform"], TestContext.Current.CancellationToken);

        var (exitCode, output) = await RunTerraformAsync(mesh, "plan", "-detailed-exitcode", "-input=false", "-no-color");

        Assert.True(exitCode == 0, $"terraform plan -detailed-exitcode exited {exitCode}:\n{output}");
        Assert.Contains("No changes.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Provider produced inconsistent", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_builtin_engine_takes_over_a_workspace_applied_by_terraform_with_an_empty_plan()
    {
        var mesh = await MeshCli.CreateForTerraformAsync(fixture, "the terraform engine and the engine hand-over need one", TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "create", "main", "--engine", "terraform"], TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["env", "create", Some.Name(), "--engine", "terraform"], TestContext.Current.CancellationToken);

        var plan = await mesh.RunExpectingAsync(0, ["plan", "--engine", "builtin", "--json"], TestContext.Current.CancellationToken);
        var update = await mesh.RunExpectingAsync(0, ["rack", "create", "second", "--engine", "builtin", "--json"], TestContext.Current.CancellationToken);

        Assert.Empty(plan.Json["resourceChanges"]!.AsArray());
        Assert.Equal(1, (int?)update.Json["changes"]!["add"]);
    }

    [Fact]
    public async Task Terraform_applies_what_mesh_export_wrote_with_imports_only()
    {
        var mesh = await MeshCli.CreateForTerraformAsync(fixture, "the terraform engine and the engine hand-over need one", TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["main"], TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["export"], TestContext.Current.CancellationToken);

        var plan = await mesh.RunExpectingAsync(0, ["plan", "--engine", "terraform", "--json"], TestContext.Current.CancellationToken);

        Assert.Equal(1, (int?)plan.Json["changes"]!["import"]);
        Assert.Equal(0, (int?)plan.Json["changes"]!["add"] + (int?)plan.Json["changes"]!["change"] + (int?)plan.Json["changes"]!["destroy"]);
    }

    [Fact]
    public async Task Env_update_with_the_terraform_engine_edits_only_racks_and_updates_in_place()
    {
        var mesh = await MeshCli.CreateForTerraformAsync(fixture, "the terraform engine and the engine hand-over need one", TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["old", "new"], TestContext.Current.CancellationToken);
        var name = Some.Name();
        await mesh.RunExpectingAsync(0, ["env", "create", name, "--rack", "old", "--engine", "terraform"], TestContext.Current.CancellationToken);
        var file = $"environment_{name}.tf";
        mesh.WriteWorkspaceFile(file, "# owned by team-a\n" + mesh.ReadWorkspaceFile(file));

        var result = await mesh.RunExpectingAsync(0, ["env", "update", name, "--rack", "old,new", "--engine", "terraform"], TestContext.Current.CancellationToken);

        Assert.Contains("will be updated in-place", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("must be replaced", result.Out, StringComparison.Ordinal);
        Assert.StartsWith("# owned by team-a\n", mesh.ReadWorkspaceFile(file), StringComparison.Ordinal);
        Assert.Contains("racks = [\"old\", \"new\"]", mesh.ReadWorkspaceFile(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_of_an_empty_workspace_with_the_terraform_engine_has_nothing_to_do()
    {
        var mesh = await MeshCli.CreateForTerraformAsync(fixture, "the terraform engine and the engine hand-over need one", TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(0, ["plan", "--engine", "terraform", "--json"], TestContext.Current.CancellationToken);

        Assert.Empty(result.Json["resourceChanges"]!.AsArray());
    }

    /// <summary>Runs terraform itself in the workspace with the CLI config mesh generated.</summary>
    private static async Task<(int ExitCode, string Output)> RunTerraformAsync(MeshCli mesh, params string[] args)
    {
        var start = new ProcessStartInfo("terraform")
        {
            WorkingDirectory = mesh.Workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TF_CLI_CONFIG_FILE"] = Path.Combine(mesh.Workspace, ".mesh", "terraform.rc");
        start.Environment["CHECKPOINT_DISABLE"] = "1";
        start.Environment["WIDEMESH_ENDPOINT"] = mesh.Variables["WIDEMESH_ENDPOINT"];
        start.Environment["WIDEMESH_TOKEN"] = mesh.Variables["WIDEMESH_TOKEN"];
        using var process = Process.Start(start)!;
        var cancellationToken = TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await error);
    }
}

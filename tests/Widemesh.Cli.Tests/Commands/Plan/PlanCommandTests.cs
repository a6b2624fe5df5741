using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Plan;

public sealed class PlanCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Plan_after_apply_is_empty()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "create", "main"], TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["env", "create", Some.Name()], TestContext.Current.CancellationToken);

        var text = await mesh.RunExpectingAsync(0, ["plan"], TestContext.Current.CancellationToken);
        var json = await mesh.RunExpectingAsync(0, ["plan", "--json"], TestContext.Current.CancellationToken);

        Assert.Contains("No changes. Your infrastructure matches the configuration.", text.Out, StringComparison.Ordinal);
        Assert.False((bool?)json.Json["applied"]);
        Assert.Equal(0, (int?)json.Json["changes"]!["add"] + (int?)json.Json["changes"]!["change"] + (int?)json.Json["changes"]!["destroy"]);
        Assert.Empty(json.Json["resourceChanges"]!.AsArray());
    }

    [Fact]
    public async Task Plan_shows_an_edited_workspace_in_terraform_notation_and_changes_nothing()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["a", "b"], TestContext.Current.CancellationToken);
        var name = Some.Name();
        await mesh.RunExpectingAsync(0, ["env", "create", name, "--rack", "a"], TestContext.Current.CancellationToken);
        var file = $"environment_{name}.tf";
        mesh.WriteWorkspaceFile(file, mesh.ReadWorkspaceFile(file).Replace("[\"a\"]", "[\"a\", \"b\"]", StringComparison.Ordinal));

        var result = await mesh.RunExpectingAsync(10, ["plan", "--detailed-exitcode"], TestContext.Current.CancellationToken);

        Assert.Contains($"  # widemesh_environment.{name} will be updated in-place", result.Out, StringComparison.Ordinal);
        Assert.Contains($"  ~ resource \"widemesh_environment\" \"{name}\" {{", result.Out, StringComparison.Ordinal);
        Assert.Contains("      ~ racks        = [\n            \"a\",\n          + \"b\",\n        ]\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("Plan: 0 to add, 1 to change, 0 to destroy.", result.Out, StringComparison.Ordinal);
        using var client = mesh.CreateClient();
        Assert.Equal(["a"], (await client.GetEnvironmentAsync(name, TestContext.Current.CancellationToken))!.Racks);
    }

    [Fact]
    public async Task Plan_refuses_constructs_the_builtin_engine_cannot_evaluate_naming_file_line_and_column()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        mesh.WriteWorkspaceFile("main.tf", """
            variable "racks" {
              type = list(string)
            }

            """);

        var result = await mesh.RunExpectingAsync(7, ["plan", "--json"], TestContext.Current.CancellationToken);

        var error = result.Json["error"]!;
        Assert.Equal("unsupported", (string?)error["code"]);
        Assert.StartsWith("main.tf:1:1: the built-in engine cannot evaluate the input variable \"racks\"", (string?)error["message"], StringComparison.Ordinal);
        Assert.Contains("--engine terraform", (string?)error["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("module \"net\" {\n  source = \"./net\"\n}\n", "main.tf:1:1", "the module \"net\"")]
    [InlineData("data \"widemesh_racks\" \"all\" {}\n", "main.tf:1:1", "the data source widemesh_racks.all")]
    [InlineData("resource \"aws_instance\" \"x\" {}\n", "main.tf:1:1", "the resource aws_instance.x of another provider")]
    [InlineData("resource \"widemesh_rack\" \"x\" {\n  name = var.rack\n}\n", "main.tf:2:10", "a reference")]
    [InlineData("resource \"widemesh_rack\" \"x\" {\n  name  = \"x\"\n  count = 2\n}\n", "main.tf:3:3", "the meta-argument \"count\"")]
    [InlineData("resource \"widemesh_rack\" \"x\" {\n  name = lower(\"X\")\n}\n", "main.tf:2:10", "a call of the function lower")]
    [InlineData("locals {\n  a = 1\n}\n", "main.tf:1:1", "a locals block")]
    public async Task Plan_refuses_each_unsupported_construct_with_its_position(string hcl, string location, string construct)
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        mesh.WriteWorkspaceFile("main.tf", hcl);

        var result = await mesh.RunExpectingAsync(7, ["plan"], TestContext.Current.CancellationToken);

        Assert.Contains($"{location}: the built-in engine cannot evaluate {construct}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_reports_syntax_errors_with_their_position()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        mesh.WriteWorkspaceFile("broken.tf", "resource \"widemesh_rack\" \"x\" {\n  name = \n}\n");

        var result = await mesh.RunExpectingAsync(7, ["plan"], TestContext.Current.CancellationToken);

        Assert.Contains("broken.tf:2:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_with_an_unknown_engine_is_a_usage_error()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(2, ["plan", "--engine", "pulumi"], TestContext.Current.CancellationToken);

        Assert.Contains("pulumi", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_refuses_a_malformed_lock_timeout_showing_the_accepted_forms()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(2, ["plan", "--lock-timeout", "soon"], TestContext.Current.CancellationToken);

        Assert.Contains("--lock-timeout", result.Error, StringComparison.Ordinal);
        Assert.Contains("1h30m", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_waits_for_the_lock_and_names_the_holder_when_it_gives_up()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        var context = TestContexts.Create();
        using var held = await Cli.Workspace.WorkspaceLock.AcquireAsync(context, mesh.Workspace, "apply", TimeSpan.Zero, TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(8, ["plan", "--lock-timeout", "1s", "--json"], TestContext.Current.CancellationToken);

        Assert.Equal("locked", (string?)result.Json["error"]!["code"]);
        Assert.Contains("mesh apply (pid", (string?)result.Json["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workspace_that_cannot_be_created_is_a_workspace_error_not_a_crash()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        var file = Path.Combine(mesh.Home, "a-file");
        File.WriteAllText(file, "not a folder");

        var result = await mesh.RunExpectingAsync(7, ["plan", "--workspace", Path.Combine(file, "ws"), "--json"], TestContext.Current.CancellationToken);

        Assert.Equal("io", (string?)result.Json["error"]!["code"]);
    }
}

using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Engine.Builtin;

/// <summary>The built-in engine with nested blocks (<c>stack</c>, <c>service</c>, <c>health_check</c>) written by hand.</summary>
public sealed class NestedBlockTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Stack_blocks_written_by_hand_plan_apply_and_then_plan_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, ct);
        await mesh.CreateRacksAsync(["main"], ct);
        var name = Some.Name();
        await mesh.RunExpectingAsync(0, ["env", "create", name], ct);
        var file = $"environment_{name}.tf";
        mesh.WriteWorkspaceFile(file, Environment(name, """
              stack {
                name      = "web"
                command   = "sleep 300"
                instances = 2
              }

              service {
                name    = "kv"
                command = "sleep 300"
              }
            """));

        var plan = await mesh.RunExpectingAsync(10, ["plan", "--detailed-exitcode"], ct);
        await mesh.RunExpectingAsync(0, ["apply"], ct);
        var after = await mesh.RunExpectingAsync(0, ["plan", "--detailed-exitcode"], ct);

        Assert.Contains("      + stack {\n          + command   = \"sleep 300\"\n          + instances = 2\n          + name      = \"web\"\n        }\n", plan.Out, StringComparison.Ordinal);
        Assert.Contains("      + service {", plan.Out, StringComparison.Ordinal);
        Assert.Contains("No changes.", after.Out, StringComparison.Ordinal);
        using var client = mesh.CreateClient();
        var environment = await client.GetEnvironmentAsync(name, ct);
        Assert.Equal(2, Assert.Single(environment!.Stacks).Instances);
        Assert.Equal("kv", Assert.Single(environment.Services).Name);
    }

    [Fact]
    public async Task An_unknown_resource_type_is_refused_naming_every_type_the_provider_has()
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, ct);
        mesh.WriteWorkspaceFile("extra.tf", "resource \"widemesh_database\" \"db\" {\n}\n");

        var result = await mesh.RunExpectingAsync(7, ["plan"], ct);

        Assert.Contains("has no resource type widemesh_database; it has widemesh_environment, widemesh_log_drain, widemesh_rack.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_argument_inside_a_block_is_refused_at_its_line()
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, ct);
        await mesh.CreateRacksAsync(["main"], ct);
        var name = Some.Name();
        mesh.WriteWorkspaceFile($"environment_{name}.tf", Environment(name, """
              stack {
                name   = "web"
                comand = "x"
              }
            """));

        var result = await mesh.RunExpectingAsync(7, ["plan"], ct);

        Assert.Contains($"environment_{name}.tf:7:5: widemesh_environment.{name}.stack[0] has no argument \"comand\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_diagnostic_inside_a_block_points_at_the_argument()
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, ct);
        await mesh.CreateRacksAsync(["main"], ct);
        var name = Some.Name();
        mesh.WriteWorkspaceFile($"environment_{name}.tf", Environment(name, """
              stack {
                name        = "web"
                command     = "x"
                public_port = 8080
              }
            """));

        var result = await mesh.RunExpectingAsync(1, ["plan"], ct);

        Assert.Contains($"on environment_{name}.tf:8:5, with widemesh_environment.{name}.stack[0].public_port", result.Error, StringComparison.Ordinal);
        Assert.Contains("public_port 8080 needs port", result.Error, StringComparison.Ordinal);
    }

    private static string Environment(string name, string blocks) => $$"""
        resource "widemesh_environment" "{{name}}" {
          name  = "{{name}}"
          racks = ["main"]

        {{blocks}}
        }
        """;
}

using System.Text.Json.Nodes;
using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Deploy;

/// <summary>
/// <c>mesh deploy</c> and <c>mesh ps</c> as a user runs them: the built mesh executable against the real meshd,
/// whose local rack runtime really starts the instances.
/// </summary>
public sealed class DeployCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Deploy_creates_the_environment_and_waits_until_its_instances_are_healthy()
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, ct);
        await mesh.CreateRacksAsync(["only"], ct);
        var name = Some.Name("app");
        var app = DeployApp.Create(DeployApp.Manifest(DeployApp.SomePort()));

        var result = await mesh.RunProcessAsync(["deploy", app, "--env", name, "--timeout", "90s"], null, ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Creating environment '{name}' on rack only", result.Error, StringComparison.Ordinal);
        Assert.Contains($"Deployed release 1 of '{name}'", result.Out, StringComparison.Ordinal);
        var hcl = mesh.ReadWorkspaceFile($"environment_{name}.tf");
        Assert.Contains("release = \"rel_", hcl, StringComparison.Ordinal);
        Assert.Contains("stack {", hcl, StringComparison.Ordinal);
        Assert.Contains("service {", hcl, StringComparison.Ordinal);
        using var client = mesh.CreateClient();
        var instances = await client.ListInstancesAsync(name, ct);
        Assert.Contains(instances, i => i is { Id: "web.1", State: "healthy" });
        Assert.Contains(instances, i => i.Id == "cache.1" && i.State is "running" or "healthy");
    }

    [Fact]
    public async Task Deploying_again_makes_a_new_release_and_leaves_nothing_to_plan()
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, ct);
        await mesh.CreateRacksAsync(["only"], ct);
        var name = Some.Name("app");
        var app = DeployApp.Create(DeployApp.Manifest(DeployApp.SomePort()));
        await mesh.RunProcessAsync(["deploy", app, "--env", name, "--timeout", "90s"], null, ct);

        var second = await mesh.RunProcessAsync(["deploy", app, "--env", name, "--timeout", "90s", "--json"], null, ct);
        var plan = await mesh.RunAsync(["plan", "--detailed-exitcode"], ct);

        Assert.True(second.ExitCode == 0, second.ToString());
        var events = second.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        Assert.Contains(events, e => (string?)e["event"] == "step" && (string?)e["step"] == "upload");
        Assert.Contains(events, e => (string?)e["event"] == "instances");
        Assert.Equal("done", (string?)events[^1]["event"]);
        Assert.Equal(2, (int?)events[^1]["releaseNumber"]);
        Assert.True(plan.ExitCode == 0, $"the plan after a deploy should be empty:\n{plan}");
    }

    [Fact]
    public async Task Deploy_recreates_an_environment_deleted_outside_the_workspace()
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, ct);
        await mesh.CreateRacksAsync(["only"], ct);
        var name = Some.Name("app");
        var app = DeployApp.Create(DeployApp.Manifest(DeployApp.SomePort()));
        await mesh.RunProcessAsync(["deploy", app, "--env", name, "--timeout", "90s"], null, ct);
        using var client = mesh.CreateClient();
        await client.DeleteEnvironmentAsync(name, null, ct);

        var again = await mesh.RunProcessAsync(["deploy", app, "--env", name, "--timeout", "90s"], null, ct);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains($"Deployed release 1 of '{name}'", again.Out, StringComparison.Ordinal);
        Assert.Single((await client.GetEnvironmentAsync(name, ct))!.Stacks);
    }

    [Fact]
    public async Task Ps_lists_the_instances_per_rack_as_a_table_and_as_json()
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, ct);
        await mesh.CreateRacksAsync(["only"], ct);
        var name = Some.Name("app");
        var app = DeployApp.Create(DeployApp.Manifest(DeployApp.SomePort()));
        var deploy = await mesh.RunProcessAsync(["deploy", app, "--env", name, "--timeout", "90s"], null, ct);
        Assert.True(deploy.ExitCode == 0, deploy.ToString());

        var table = await mesh.RunExpectingAsync(0, ["ps", "--env", name], ct);
        var json = await mesh.RunExpectingAsync(0, ["ps", "--env", name, "--json"], ct);

        var lines = table.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("RACK", lines[0].TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(lines, l => l.Contains("only", StringComparison.Ordinal) && l.Contains("web.1", StringComparison.Ordinal) && l.Contains("healthy", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("cache.1", StringComparison.Ordinal) && l.Contains("service", StringComparison.Ordinal));
        Assert.Equal(name, (string?)json.Json["environment"]);
        var items = json.Json["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        var web = items.Single(i => (string?)i!["id"] == "web.1")!;
        Assert.Equal("only", (string?)web["rack"]);
        Assert.Equal("stack", (string?)web["kind"]);
        Assert.Equal(0, (int?)web["restarts"]);
        Assert.NotNull((string?)web["address"]);
    }

    [Fact]
    public async Task A_command_that_does_not_exist_fails_the_deploy_with_the_instance_s_last_log_lines()
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, ct);
        await mesh.CreateRacksAsync(["only"], ct);
        var name = Some.Name("app");
        var app = DeployApp.Create("stack \"web\" {\n  command = \"no-such-program-h7c --serve\"\n}\n");

        var result = await mesh.RunProcessAsync(["deploy", app, "--env", name, "--timeout", "60s"], null, ct);

        Assert.True(result.ExitCode == 12, result.ToString());
        Assert.Contains("an instance cannot start", result.Error, StringComparison.Ordinal);
        Assert.Contains("only/web.1", result.Error, StringComparison.Ordinal);
        Assert.Contains("no-such-program-h7c", result.Error, StringComparison.Ordinal);
        Assert.Contains("not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_that_never_becomes_healthy_fails_after_the_timeout_with_its_last_lines()
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, ct);
        await mesh.CreateRacksAsync(["only"], ct);
        var name = Some.Name("app");
        var app = DeployApp.Create("""
            stack "web" {
              command     = "/usr/bin/python3 -u app.py"
              port        = 8080
              environment = { SICK = "1" }
              health_check {
                path             = "/health"
                interval_seconds = 1
              }
            }
            """);

        var result = await mesh.RunProcessAsync(["deploy", app, "--env", name, "--timeout", "6s"], null, ct);

        Assert.True(result.ExitCode == 12, result.ToString());
        Assert.Contains("not every instance was ready after 6s (--timeout)", result.Error, StringComparison.Ordinal);
        Assert.Contains("only/web.1", result.Error, StringComparison.Ordinal);
        Assert.Contains("app starting on", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_errors_are_reported_with_file_line_and_column_before_anything_is_created()
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, ct);
        await mesh.CreateRacksAsync(["only"], ct);
        var name = Some.Name("app");
        var app = DeployApp.Create("stack \"web\" {\n  command = \"x\"\n  publicport = 80\n}\n");

        var result = await mesh.RunProcessAsync(["deploy", app, "--env", name], null, ct);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("widemesh.hcl:3:3: unknown argument \"publicport\" in stack \"web\" — did you mean \"public_port\"?", result.Error, StringComparison.Ordinal);
        using var client = mesh.CreateClient();
        Assert.Null(await client.GetEnvironmentAsync(name, ct));
    }

    [Fact]
    public async Task With_several_racks_and_none_chosen_deploy_lists_the_choices()
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, ct);
        await mesh.CreateRacksAsync(["rack-a", "rack-b"], ct);
        var app = DeployApp.Create(DeployApp.Manifest(DeployApp.SomePort()));

        var result = await mesh.RunProcessAsync(["deploy", app, "--env", Some.Name("app")], null, ct);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("You have several racks (rack-a, rack-b)", result.Error, StringComparison.Ordinal);
    }
}

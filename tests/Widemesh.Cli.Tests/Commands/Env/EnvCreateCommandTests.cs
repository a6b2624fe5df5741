using Widemesh.Cli.Tests.Support;
using Widemesh.Testing.Snapshots;

namespace Widemesh.Cli.Tests.Commands.Env;

public sealed class EnvCreateCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Env_create_writes_the_environment_file_and_creates_the_environment()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["rack-a", "rack-b"], TestContext.Current.CancellationToken);
        var name = Some.Name();

        var result = await mesh.RunExpectingAsync(0, ["env", "create", name, "--rack", "rack-a,rack-b"], TestContext.Current.CancellationToken);

        Assert.Contains($"# widemesh_environment.{name} will be created", result.Out, StringComparison.Ordinal);
        Assert.Contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.", result.Out, StringComparison.Ordinal);
        Assert.Contains($"Environment '{name}' is ready at {name}.widemesh.internal on rack-a, rack-b.", result.Out, StringComparison.Ordinal);
        Assert.Equal(
            $"resource \"widemesh_environment\" \"{name}\" {{\n  name  = \"{name}\"\n  racks = [\"rack-a\", \"rack-b\"]\n}}\n",
            mesh.ReadWorkspaceFile($"environment_{name}.tf"));
        using var client = mesh.CreateClient();
        var environment = await client.GetEnvironmentAsync(name, TestContext.Current.CancellationToken);
        Assert.NotNull(environment);
        Assert.Equal(["rack-a", "rack-b"], environment.Racks);
        Assert.StartsWith("ws_", environment.ManagedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_create_json_reports_the_run_and_the_environment()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["only"], TestContext.Current.CancellationToken);
        var name = Some.Name();

        var result = await mesh.RunExpectingAsync(0, ["env", "create", name, "--json"], TestContext.Current.CancellationToken);

        var json = result.Json;
        Assert.Equal("env create", (string?)json["command"]);
        Assert.Equal(mesh.Workspace, (string?)json["workspace"]);
        Assert.Equal("builtin", (string?)json["engine"]);
        Assert.True((bool?)json["applied"]);
        Assert.Equal(1, (int?)json["changes"]!["add"]);
        Assert.Equal(0, (int?)json["changes"]!["change"]);
        Assert.Equal(0, (int?)json["changes"]!["destroy"]);
        Assert.Equal(0, (int?)json["changes"]!["import"]);
        var change = Assert.Single(json["resourceChanges"]!.AsArray())!;
        Assert.Equal($"widemesh_environment.{name}", (string?)change["address"]);
        Assert.Equal("create", (string?)change["action"]);
        Assert.Equal(["providers.tf", $"environment_{name}.tf"], json["files"]!.AsArray().Select(f => (string?)f));
        Assert.Equal("only", (string?)json["environment"]!["primaryRack"]);
        Assert.Null(json["rack"]);
    }

    [Fact]
    public async Task Env_create_refuses_an_unknown_rack_and_lists_the_choices()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["rack-a", "rack-b"], TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(5, ["env", "create", Some.Name(), "--rack", "nope"], TestContext.Current.CancellationToken);

        Assert.Contains("rack 'nope' does not exist (your racks: rack-a, rack-b)", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(mesh.Workspace, "providers.tf")));
    }

    [Fact]
    public async Task Env_create_without_racks_says_to_create_one_first()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(5, ["env", "create", Some.Name()], TestContext.Current.CancellationToken);

        Assert.Contains("mesh rack create", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Web", "must start with a lowercase letter")]
    [InlineData("web_1", "contains '_'")]
    [InlineData("web-", "must not end with '-'")]
    public async Task Env_create_refuses_a_bad_name_with_the_rule(string name, string rule)
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(2, ["env", "create", name], TestContext.Current.CancellationToken);

        Assert.Contains(rule, result.Error, StringComparison.Ordinal);
        Assert.Contains("environment name", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_create_refuses_duplicate_racks()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(2, ["env", "create", Some.Name(), "--rack", "a,a"], TestContext.Current.CancellationToken);

        Assert.Contains("twice", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_create_refuses_a_name_another_account_holds_without_naming_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var owner = await MeshCli.CreateAsync(fixture, cancellationToken);
        await owner.CreateRacksAsync(["r"], TestContext.Current.CancellationToken);
        var name = Some.Name();
        await owner.RunExpectingAsync(0, ["env", "create", name], TestContext.Current.CancellationToken);
        var other = await MeshCli.CreateAsync(fixture, cancellationToken);
        await other.CreateRacksAsync(["r"], TestContext.Current.CancellationToken);

        var result = await other.RunExpectingAsync(6, ["env", "create", name, "--json"], TestContext.Current.CancellationToken);

        Assert.Equal("name-taken", (string?)result.Json["error"]!["code"]);
        Assert.DoesNotContain("acct-", (string?)result.Json["error"]!["message"], StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(other.Workspace, $"environment_{name}.tf")));
    }

    [Fact]
    public async Task Env_create_writes_providers_tf_once()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["r"], TestContext.Current.CancellationToken);

        await mesh.RunExpectingAsync(0, ["env", "create", Some.Name()], TestContext.Current.CancellationToken);

        Snapshot.Match(mesh.ReadWorkspaceFile("providers.tf"), "tf");
    }
}

using Widemesh.Cli.Tests.Support;
using Widemesh.Testing.Snapshots;

namespace Widemesh.Cli.Tests.Commands;

public sealed class HelpTextTests(MeshdFixture fixture)
{
    [Theory]
    [InlineData("root", new string[0])]
    [InlineData("env", new[] { "env" })]
    [InlineData("env-create", new[] { "env", "create" })]
    [InlineData("env-update", new[] { "env", "update" })]
    [InlineData("rack-create", new[] { "rack", "create" })]
    [InlineData("plan", new[] { "plan" })]
    [InlineData("export", new[] { "export" })]
    [InlineData("login", new[] { "login" })]
    [InlineData("logs", new[] { "logs" })]
    public async Task Help_text_matches_the_approved_snapshot(string variant, string[] command)
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunProcessAsync([.. command, "--help"], null, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(result.Out, "txt", variant);
    }

    [Fact]
    public async Task A_usage_error_with_json_is_an_error_document()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunAsync(["env", "create", "--json"], TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("usage", (string?)result.Json["error"]!["code"]);
        Assert.Equal(2, (int?)result.Json["error"]!["exitCode"]);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunProcessAsync(["env", "frobnicate"], null, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
    }
}

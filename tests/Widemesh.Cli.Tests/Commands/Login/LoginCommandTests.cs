using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Login;

public sealed class LoginCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Login_checks_the_token_and_stores_it_readable_only_by_the_user()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        var token = mesh.Variables["WIDEMESH_TOKEN"]!;
        var endpoint = mesh.Variables["WIDEMESH_ENDPOINT"]!;
        mesh.Variables.Remove("WIDEMESH_TOKEN");
        mesh.Variables.Remove("WIDEMESH_ENDPOINT");

        var login = await mesh.RunProcessAsync(["login", endpoint, "--token-stdin"], token + "\n", TestContext.Current.CancellationToken);
        var list = await mesh.RunProcessAsync(["rack", "ls", "--json"], null, TestContext.Current.CancellationToken);

        Assert.Equal(0, login.ExitCode);
        Assert.Contains("Logged in to", login.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(token, login.Out + login.Error, StringComparison.Ordinal);
        var configFile = Path.Combine(mesh.Home, ".config", "widemesh", "config.json");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(configFile));
        }

        Assert.Equal(0, list.ExitCode);
    }

    [Fact]
    public async Task Login_json_names_the_account_and_config_file_but_not_the_token()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        var token = mesh.Variables["WIDEMESH_TOKEN"]!;

        var result = await mesh.RunProcessAsync(["login", "--token-stdin", "--json"], token, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.StartsWith("acct-", (string?)json["account"], StringComparison.Ordinal);
        Assert.Equal("cli-tests", (string?)json["tokenName"]);
        Assert.False((bool?)json["admin"]);
        Assert.EndsWith("widemesh/config.json", (string?)json["configFile"], StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_refuses_a_wrong_token_and_stores_nothing()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunProcessAsync(["login", "--token-stdin"], "not-a-token", TestContext.Current.CancellationToken);

        Assert.Equal(4, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(mesh.Home, ".config", "widemesh", "config.json")));
    }

    [Fact]
    public async Task Login_without_a_terminal_or_stdin_token_says_how_to_pass_one()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunAsync(["login"], TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--token-stdin", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_refuses_an_endpoint_that_is_not_a_url()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunAsync(["login", "ftp://example", "--token-stdin"], TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not an http:// or https:// URL", result.Error, StringComparison.Ordinal);
    }
}

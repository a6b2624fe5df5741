using Widemesh.Cli.Configuration;
using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Configuration;

public sealed class ConnectionResolverTests
{
    [Fact]
    public void Environment_variables_override_the_login_file()
    {
        var (context, variables) = CreateContext();
        new CliConfigStore(context).Save(new CliConfig { Endpoint = "http://from-login:1/", Token = "login-token" });
        variables["WIDEMESH_ENDPOINT"] = "http://from-env:2/";
        variables["WIDEMESH_TOKEN"] = "env-token";

        var settings = CreateSut(context).Resolve();

        Assert.Equal(new Uri("http://from-env:2/"), settings.Endpoint);
        Assert.Equal("env-token", settings.Token);
        Assert.Equal("WIDEMESH_TOKEN", settings.TokenSource);
    }

    [Fact]
    public void The_login_file_is_used_when_no_variable_is_set()
    {
        var (context, _) = CreateContext();
        new CliConfigStore(context).Save(new CliConfig { Endpoint = "http://from-login:1/", Token = "login-token" });

        var settings = CreateSut(context).Resolve();

        Assert.Equal(new Uri("http://from-login:1/"), settings.Endpoint);
        Assert.Equal("login-token", settings.Token);
    }

    [Fact]
    public void With_nothing_configured_the_local_default_and_local_admin_token_are_used()
    {
        var (context, _) = CreateContext();
        var tokenFile = Path.Combine(context.HomeDirectory, ".local", "share", "widemesh", "admin.token");
        Directory.CreateDirectory(Path.GetDirectoryName(tokenFile)!);
        File.WriteAllText(tokenFile, "local-admin\n");

        var settings = CreateSut(context).Resolve();

        Assert.Equal(new Uri(ConnectionResolver.DefaultEndpoint), settings.Endpoint);
        Assert.Equal("local-admin", settings.Token);
        Assert.Equal(tokenFile, settings.TokenSource);
    }

    [Fact]
    public void The_data_directory_admin_token_is_preferred_when_MESHD_DATA_DIR_is_set()
    {
        var (context, variables) = CreateContext();
        var dataDir = Some.TempDirectory("meshd-data");
        File.WriteAllText(Path.Combine(dataDir, "admin.token"), "data-dir-admin");
        variables["MESHD_DATA_DIR"] = dataDir;

        var settings = CreateSut(context).Resolve();

        Assert.Equal("data-dir-admin", settings.Token);
    }

    [Fact]
    public void A_malformed_endpoint_is_refused_naming_where_it_came_from()
    {
        var (context, variables) = CreateContext();
        variables["WIDEMESH_ENDPOINT"] = "not a url";

        var exception = Assert.Throws<CliException>(() => CreateSut(context).Resolve());

        Assert.Equal(ExitCodes.Usage, exception.ExitCode);
        Assert.Contains("WIDEMESH_ENDPOINT", exception.Message, StringComparison.Ordinal);
    }

    private static ConnectionResolver CreateSut(CliContext context) => new(context);

    private static (CliContext Context, Dictionary<string, string?> Variables) CreateContext()
    {
        var home = Some.TempDirectory("mesh-home");
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        var context = new CliContext
        {
            Out = TextWriter.Null,
            Error = TextWriter.Null,
            GetVariable = name => variables.GetValueOrDefault(name),
            HomeDirectory = home,
            CurrentDirectory = home,
        };
        return (context, variables);
    }
}

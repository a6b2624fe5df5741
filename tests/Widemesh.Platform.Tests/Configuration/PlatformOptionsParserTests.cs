using Widemesh.Platform.Configuration;

namespace Widemesh.Platform.Tests.Configuration;

public sealed class PlatformOptionsParserTests
{
    [Fact]
    public void No_arguments_use_the_xdg_data_home_loopback_and_the_default_zone()
    {
        var result = Parse([], ("XDG_DATA_HOME", "/xdg"));

        Assert.Equal(new PlatformOptions("/xdg/widemesh", new Uri("http://127.0.0.1:4740"), "widemesh.internal"), result.Options);
    }

    [Fact]
    public void Without_xdg_data_home_the_data_lives_under_the_home_directory()
    {
        var result = Parse([], ("HOME", "/home/ada"));

        Assert.Equal("/home/ada/.local/share/widemesh", result.Options!.DataDirectory);
    }

    [Fact]
    public void Environment_variables_set_every_option()
    {
        var result = Parse([], ("MESHD_DATA_DIR", "/srv/mesh"), ("MESHD_LISTEN", "http://0.0.0.0:9000"), ("MESHD_ZONE", "Apps.Example."));

        Assert.Equal(new PlatformOptions("/srv/mesh", new Uri("http://0.0.0.0:9000"), "apps.example"), result.Options);
    }

    [Fact]
    public void Arguments_win_over_environment_variables_in_both_spellings()
    {
        var result = Parse(["--data-dir", "/a", "--listen=http://127.0.0.1:1234", "--zone", "z.test"], ("MESHD_DATA_DIR", "/b"), ("MESHD_LISTEN", "http://127.0.0.1:1"));

        Assert.Equal(new PlatformOptions("/a", new Uri("http://127.0.0.1:1234"), "z.test"), result.Options);
    }

    [Theory]
    [InlineData("--listen", "https://127.0.0.1:1")]
    [InlineData("--listen", "127.0.0.1:4740")]
    [InlineData("--listen", "http://127.0.0.1:4740/prefix")]
    [InlineData("--zone", "-bad.zone")]
    [InlineData("--zone", "a..b")]
    public void Bad_values_are_refused_with_the_option_name(string option, string value)
    {
        var result = Parse([option, value], ("HOME", "/home/ada"));

        Assert.Null(result.Options);
        Assert.StartsWith(option, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_arguments_pass_through_to_aspnet_core()
    {
        var result = Parse(["--environment=Development", "--data-dir", "/d"]);

        Assert.Equal(["--environment=Development"], result.HostArguments);
        Assert.NotNull(result.Options);
    }

    private static PlatformOptionsParseResult Parse(string[] args, params (string Name, string Value)[] environment)
    {
        var variables = environment.ToDictionary(e => e.Name, e => e.Value);
        return PlatformOptionsParser.Parse(args, name => variables.GetValueOrDefault(name));
    }
}

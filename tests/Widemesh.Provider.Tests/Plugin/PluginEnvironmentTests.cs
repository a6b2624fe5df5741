using Widemesh.Provider.Plugin.Hosting;

namespace Widemesh.Provider.Tests.Plugin;

public sealed class PluginEnvironmentTests
{
    [Theory]
    [InlineData("5,6")]
    [InlineData("6,5")]
    [InlineData("6")]
    public void Protocol_6_is_chosen_whatever_the_order(string offered)
    {
        var environment = PluginEnvironment.FromVariables(Variables(("PLUGIN_PROTOCOL_VERSIONS", offered)));

        Assert.Equal(6, environment.NegotiateProtocolVersion());
        Assert.True(environment.ClientOffersOurVersion);
    }

    [Fact]
    public void Magic_cookie_must_match_exactly()
    {
        Assert.True(PluginEnvironment.FromVariables(Variables((PluginEnvironment.MagicCookieKey, PluginEnvironment.MagicCookieValue))).HasMagicCookie);
        Assert.False(PluginEnvironment.FromVariables(Variables((PluginEnvironment.MagicCookieKey, "nope"))).HasMagicCookie);
        Assert.False(PluginEnvironment.FromVariables(Variables()).HasMagicCookie);
    }

    [Fact]
    public void Port_range_defaults_to_go_plugins_and_provider_log_level_wins_over_tf_log()
    {
        var environment = PluginEnvironment.FromVariables(Variables(("TF_LOG", "TRACE"), ("TF_LOG_PROVIDER", "ERROR")));

        Assert.Equal((10000, 25000), (environment.MinPort, environment.MaxPort));
        Assert.Equal("ERROR", environment.LogLevel);
    }

    [Fact]
    public void Reattach_json_names_protocol_version_6()
    {
        var json = ReattachInstructions.Json(new PluginListener("unix", "/tmp/plugin1", 0), 42);

        Assert.Equal(
            """{"registry.terraform.io/widemesh/widemesh":{"Protocol":"grpc","ProtocolVersion":6,"Pid":42,"Test":true,"Addr":{"Network":"unix","String":"/tmp/plugin1"}}}""",
            json);
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}

using System.Text;
using Google.Protobuf;
using Widemesh.Provider.Cty;
using Widemesh.Provider.Server;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Tests.Server;

public sealed partial class ProviderServerTests
{
    [Fact]
    public async Task Unknown_provider_configuration_defers_api_checks_and_keeps_state_on_read()
    {
        using var sut = new ProviderSession(new ProviderServer(new ProviderServerOptions { GetEnvironmentVariable = _ => null }));
        var configured = await sut.ConfigureAsync(CtyValue.Unknown(CtyType.String), CtyValue.Null(CtyType.String), Token);
        var state = ProviderSession.Config(Rack, ("name", CtyValue.String("x")), ("provider", CtyValue.String("local")), ("id", CtyValue.String("rck_1")), ("status", CtyValue.String("ready")));

        var plan = await sut.PlanAsync(Rack, CtyValue.Null(ProviderSession.TypeOf(Rack)), RackConfig("anything"), Token);
        var (read, refreshed) = await sut.ReadAsync(Rack, state, Token);

        Assert.Empty(configured.Diagnostics);
        Assert.Empty(plan.Response.Diagnostics);
        Assert.Empty(read.Diagnostics);
        Assert.True(refreshed.ValueEquals(state));
    }

    [Fact]
    public async Task Provider_endpoint_that_is_not_a_url_is_refused_at_its_path()
    {
        using var sut = new ProviderSession(new ProviderServer());

        var configured = await sut.ConfigureAsync(CtyValue.String("not a url"), CtyValue.Null(CtyType.String), Token);

        Assert.Equal("endpoint", PathOf(Assert.Single(configured.Diagnostics)));
    }

    [Fact]
    public async Task Validate_accepts_configuration_full_of_unknowns()
    {
        using var sut = new ProviderSession(new ProviderServer());
        var config = ProviderSession.Config(Environment, ("name", CtyValue.Unknown(CtyType.String)), ("racks", CtyValue.List(CtyType.String, [CtyValue.Unknown(CtyType.String)])));

        var response = await sut.Server.ValidateResourceConfigAsync(new() { TypeName = Environment, Config = ProviderServer.Encode(config, ProviderSession.TypeOf(Environment)) }, Token);

        Assert.Empty(response.Diagnostics);
    }

    [Fact]
    public async Task Primary_rack_is_unknown_when_racks_is_unknown()
    {
        using var sut = new ProviderSession(new ProviderServer());
        var config = ProviderSession.Config(Environment, ("name", CtyValue.String("e")), ("racks", CtyValue.Unknown(CtyType.List(CtyType.String))));

        var plan = await sut.PlanAsync(Environment, CtyValue.Null(ProviderSession.TypeOf(Environment)), config, Token);

        Assert.Empty(plan.Response.Diagnostics);
        Assert.True(plan.Planned["primary_rack"].IsUnknown);
        Assert.True(plan.Planned["racks"].IsUnknown);
    }

    [Fact]
    public async Task Malformed_dynamic_value_is_an_error_diagnostic_not_an_exception()
    {
        using var sut = new ProviderSession(new ProviderServer());

        var response = await sut.Server.PlanResourceChangeAsync(new Tf.PlanResourceChange.Types.Request
        {
            TypeName = Rack,
            Config = new Tf.DynamicValue { Msgpack = ByteString.CopyFrom(0x83, 0xa2) },
        }, Token);

        var diagnostic = Assert.Single(response.Diagnostics);
        Assert.Equal(Tf.Diagnostic.Types.Severity.Error, diagnostic.Severity);
        Assert.Contains("Configuration", diagnostic.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_resource_type_is_an_error_diagnostic()
    {
        using var sut = new ProviderSession(new ProviderServer());

        var response = await sut.Server.ValidateResourceConfigAsync(new() { TypeName = "widemesh_nope" }, Token);

        Assert.Contains("widemesh_nope", Assert.Single(response.Diagnostics).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrade_reads_raw_json_dropping_removed_attributes_and_filling_missing_ones()
    {
        using var sut = new ProviderSession(new ProviderServer());
        var json = """{"name":"r1","provider":"local","id":"rck_1","gone":"x"}""";

        var response = await sut.Server.UpgradeResourceStateAsync(new()
        {
            TypeName = Rack,
            Version = 0,
            RawState = new Tf.RawState { Json = ByteString.CopyFrom(Encoding.UTF8.GetBytes(json)) },
        }, Token);

        Assert.Empty(response.Diagnostics);
        var state = ProviderSession.Decode(response.UpgradedState, ProviderSession.TypeOf(Rack));
        Assert.Equal("r1", state["name"].AsString());
        Assert.True(state["status"].IsNull);
    }

    [Fact]
    public async Task Upgrade_of_a_version_0_rack_fills_rack_provider_from_provider()
    {
        using var sut = new ProviderSession(new ProviderServer());
        var json = """{"name":"r1","provider":"aws","region":"eu-west-1","id":"rck_1","status":"ready"}""";

        var response = await sut.Server.UpgradeResourceStateAsync(new()
        {
            TypeName = Rack,
            Version = 0,
            RawState = new Tf.RawState { Json = ByteString.CopyFrom(Encoding.UTF8.GetBytes(json)) },
        }, Token);

        Assert.Empty(response.Diagnostics);
        Assert.Equal("aws", ProviderSession.Decode(response.UpgradedState, ProviderSession.TypeOf(Rack))["rack_provider"].AsString());
    }

    [Fact]
    public async Task Upgrade_refuses_state_from_a_newer_schema_version()
    {
        using var sut = new ProviderSession(new ProviderServer());

        var response = await sut.Server.UpgradeResourceStateAsync(new()
        {
            TypeName = Rack,
            Version = 7,
            RawState = new Tf.RawState { Json = ByteString.CopyFromUtf8("{}") },
        }, Token);

        Assert.Contains("newer provider", Assert.Single(response.Diagnostics).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_provider_leaves_the_server_serving()
    {
        using var sut = await CreateSutAsync();

        var stop = await sut.Server.StopProviderAsync(new(), Token);
        var state = await sut.CreateAsync(Rack, RackConfig(Some.Name("r")), Token);

        Assert.Equal(string.Empty, stop.Error);
        Assert.True(state.IsWhollyKnown());
    }

    [Fact]
    public async Task Apply_without_configuration_is_an_error_diagnostic_and_keeps_prior_state()
    {
        using var sut = new ProviderSession(new ProviderServer());
        var type = ProviderSession.TypeOf(Rack);
        var planned = ProviderSession.Config(Rack, ("name", CtyValue.String("x")), ("provider", CtyValue.String("local")), ("id", CtyValue.Unknown(CtyType.String)), ("status", CtyValue.Unknown(CtyType.String)));

        var apply = await sut.ApplyAsync(Rack, CtyValue.Null(type), planned, RackConfig("x"), Token);

        Assert.Equal(Tf.Diagnostic.Types.Severity.Error, Assert.Single(apply.Response.Diagnostics).Severity);
        Assert.True(apply.NewState.IsNull);
    }
}

using Google.Protobuf;
using Widemesh.Provider.Cty;

namespace Widemesh.Provider.Tests.Server;

public sealed partial class ProviderServerTests
{
    [Fact]
    public async Task Rack_create_plans_computed_attributes_unknown_and_defaults_provider_to_local()
    {
        using var sut = await CreateSutAsync();

        var plan = await sut.PlanAsync(Rack, CtyValue.Null(ProviderSession.TypeOf(Rack)), RackConfig(Some.Name("r")), Token);

        Assert.Empty(plan.Response.Diagnostics);
        Assert.True(plan.Planned["id"].IsUnknown);
        Assert.True(plan.Planned["status"].IsUnknown);
        Assert.Equal("local", plan.Planned["provider"].AsString());
        Assert.True(plan.Planned["region"].IsNull);
        Assert.Empty(plan.Response.RequiresReplace);
    }

    [Fact]
    public async Task Rack_lifecycle_applies_reads_back_unchanged_and_plans_no_change()
    {
        using var sut = await CreateSutAsync();
        var config = RackConfig(Some.Name("r"));

        var state = await sut.CreateAsync(Rack, config, Token);
        var (read, refreshed) = await sut.ReadAsync(Rack, state, Token, ByteString.CopyFromUtf8("private"));
        var plan = await sut.PlanAsync(Rack, refreshed, config, Token, ByteString.CopyFromUtf8("private"));

        Assert.True(state.IsWhollyKnown());
        Assert.StartsWith("rck_", state["id"].AsString(), StringComparison.Ordinal);
        Assert.Empty(read.Diagnostics);
        Assert.True(refreshed.ValueEquals(state), $"{refreshed} != {state}");
        Assert.Equal("private", read.Private.ToStringUtf8());
        Assert.True(plan.Planned.ValueEquals(state));
        Assert.Equal("private", plan.Response.PlannedPrivate.ToStringUtf8());
    }

    [Fact]
    public async Task Rack_name_change_requires_replacement()
    {
        using var sut = await CreateSutAsync();
        var state = await sut.CreateAsync(Rack, RackConfig(Some.Name("r")), Token);

        var plan = await sut.PlanAsync(Rack, state, RackConfig(Some.Name("r")), Token);

        Assert.Equal("name", Assert.Single(plan.Response.RequiresReplace).Steps.Single().AttributeName);
        Assert.True(plan.Planned["id"].IsUnknown);
    }

    [Fact]
    public async Task Rack_import_by_name_equals_the_managed_state()
    {
        using var sut = await CreateSutAsync();
        var state = await sut.CreateAsync(Rack, RackConfig(Some.Name("r")), Token);

        var import = await sut.Server.ImportResourceStateAsync(new() { TypeName = Rack, Id = state["name"].AsString() }, Token);

        Assert.Empty(import.Diagnostics);
        var imported = Assert.Single(import.ImportedResources);
        Assert.Equal(Rack, imported.TypeName);
        Assert.True(ProviderSession.Decode(imported.State, ProviderSession.TypeOf(Rack)).ValueEquals(state));
    }

    [Fact]
    public async Task Rack_deleted_outside_terraform_reads_as_gone()
    {
        using var sut = await CreateSutAsync();
        var state = await sut.CreateAsync(Rack, RackConfig(Some.Name("r")), Token);
        using var client = fixture.Meshd.CreateClient();
        await client.DeleteRackAsync(state["name"].AsString(), null, Token);

        var (read, refreshed) = await sut.ReadAsync(Rack, state, Token);

        Assert.Empty(read.Diagnostics);
        Assert.True(refreshed.IsNull);
    }

    [Fact]
    public async Task Rack_destroy_plans_null_and_apply_deletes()
    {
        using var sut = await CreateSutAsync();
        var type = ProviderSession.TypeOf(Rack);
        var state = await sut.CreateAsync(Rack, RackConfig(Some.Name("r")), Token);

        var plan = await sut.PlanAsync(Rack, state, CtyValue.Null(type), Token, ByteString.CopyFromUtf8("p"));
        var apply = await sut.ApplyAsync(Rack, state, CtyValue.Null(type), CtyValue.Null(type), Token, plan.Response.PlannedPrivate);
        using var client = fixture.Meshd.CreateClient();

        Assert.True(plan.Planned.IsNull);
        Assert.Equal("p", plan.Response.PlannedPrivate.ToStringUtf8());
        Assert.Empty(apply.Response.Diagnostics);
        Assert.True(apply.NewState.IsNull);
        Assert.Null(await client.GetRackAsync(state["name"].AsString(), Token));
    }

    [Theory]
    [InlineData("Bad_Name", "name")]
    [InlineData("-x", "name")]
    public async Task Rack_plan_refuses_an_invalid_name_at_its_path(string name, string path)
    {
        using var sut = await CreateSutAsync();

        var plan = await sut.PlanAsync(Rack, CtyValue.Null(ProviderSession.TypeOf(Rack)), RackConfig(name), Token);

        var diagnostic = Assert.Single(plan.Response.Diagnostics);
        Assert.Equal(Protocol.Tfplugin6.Diagnostic.Types.Severity.Error, diagnostic.Severity);
        Assert.Equal(path, PathOf(diagnostic));
        Assert.Contains(name, diagnostic.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aws_rack_without_region_is_refused_at_the_region_path()
    {
        using var sut = await CreateSutAsync();
        var config = ProviderSession.Config(Rack, ("name", CtyValue.String(Some.Name("r"))), ("provider", CtyValue.String("aws")));

        var validate = await sut.Server.ValidateResourceConfigAsync(new() { TypeName = Rack, Config = Provider.Server.ProviderServer.Encode(config, ProviderSession.TypeOf(Rack)) }, Token);

        Assert.Equal("region", PathOf(Assert.Single(validate.Diagnostics)));
    }

    [Fact]
    public async Task Rack_provider_set_through_rack_provider_shows_in_provider_too()
    {
        using var sut = await CreateSutAsync();
        var config = ProviderSession.Config(Rack, ("name", CtyValue.String(Some.Name("r"))), ("rack_provider", CtyValue.String("aws")), ("region", CtyValue.String("eu-west-1")));

        var plan = await sut.PlanAsync(Rack, CtyValue.Null(ProviderSession.TypeOf(Rack)), config, Token);

        Assert.Empty(plan.Response.Diagnostics);
        Assert.Equal("aws", plan.Planned["provider"].AsString());
        Assert.Equal("aws", plan.Planned["rack_provider"].AsString());
    }

    [Fact]
    public async Task Rack_plan_refuses_a_name_the_account_already_has()
    {
        using var sut = await CreateSutAsync();
        var state = await sut.CreateAsync(Rack, RackConfig(Some.Name("r")), Token);

        var plan = await sut.PlanAsync(Rack, CtyValue.Null(ProviderSession.TypeOf(Rack)), RackConfig(state["name"].AsString()), Token);

        var diagnostic = Assert.Single(plan.Response.Diagnostics);
        Assert.Equal("name", PathOf(diagnostic));
        Assert.Contains("terraform import", diagnostic.Detail, StringComparison.Ordinal);
    }
}

using Widemesh.Provider.Cty;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Provider.Tests.Server;

public sealed partial class ProviderServerTests
{
    [Fact]
    public async Task Environment_create_knows_primary_rack_at_plan_time()
    {
        using var sut = await CreateSutAsync();
        var a = await sut.CreateAsync(Rack, RackConfig(Some.Name("a")), Token);
        var b = await sut.CreateAsync(Rack, RackConfig(Some.Name("b")), Token);

        var plan = await sut.PlanAsync(Environment, CtyValue.Null(ProviderSession.TypeOf(Environment)), EnvironmentConfig(Some.Name("e"), a["name"].AsString(), b["name"].AsString()), Token);

        Assert.Empty(plan.Response.Diagnostics);
        Assert.Equal(b["name"].AsString(), plan.Planned["primary_rack"].AsString());
        Assert.True(plan.Planned["id"].IsUnknown);
        Assert.True(plan.Planned["hostname"].IsUnknown);
    }

    [Fact]
    public async Task Environment_racks_change_is_an_in_place_update_and_a_clean_plan_follows()
    {
        using var sut = await CreateSutAsync();
        var oldRack = (await sut.CreateAsync(Rack, RackConfig(Some.Name("old")), Token))["name"].AsString();
        var newRack = (await sut.CreateAsync(Rack, RackConfig(Some.Name("new")), Token))["name"].AsString();
        var name = Some.Name("e");
        var state = await sut.CreateAsync(Environment, EnvironmentConfig(name, oldRack), Token);

        var steps = new[] { new[] { oldRack, newRack }, new[] { newRack } };
        foreach (var racks in steps)
        {
            var config = EnvironmentConfig(name, racks);
            var plan = await sut.PlanAsync(Environment, state, config, Token);
            Assert.Empty(plan.Response.Diagnostics);
            Assert.Empty(plan.Response.RequiresReplace);
            Assert.Equal(racks[^1], plan.Planned["primary_rack"].AsString());
            Assert.True(plan.Planned["hostname"].ValueEquals(state["hostname"]));
            Assert.True(plan.Planned["id"].ValueEquals(state["id"]));

            var apply = await sut.ApplyAsync(Environment, state, plan.Planned, config, Token);
            Assert.Empty(apply.Response.Diagnostics);
            state = apply.NewState;
            var again = await sut.PlanAsync(Environment, state, config, Token);
            Assert.True(again.Planned.ValueEquals(state), $"perpetual diff: {again.Planned} vs {state}");
        }

        Assert.Equal($"{name}.test.widemesh.internal", state["hostname"].AsString());
        Assert.Equal([newRack], state["racks"].Elements.Select(e => e.AsString()));
    }

    [Fact]
    public async Task Environment_name_change_requires_replacement()
    {
        using var sut = await CreateSutAsync();
        var rack = (await sut.CreateAsync(Rack, RackConfig(Some.Name("r")), Token))["name"].AsString();
        var state = await sut.CreateAsync(Environment, EnvironmentConfig(Some.Name("e"), rack), Token);

        var plan = await sut.PlanAsync(Environment, state, EnvironmentConfig(Some.Name("e"), rack), Token);

        Assert.Equal("name", Assert.Single(plan.Response.RequiresReplace).Steps.Single().AttributeName);
        Assert.True(plan.Planned["hostname"].IsUnknown);
    }

    [Fact]
    public async Task Environment_plan_refuses_duplicate_racks_at_the_second_index()
    {
        using var sut = await CreateSutAsync();
        var rack = (await sut.CreateAsync(Rack, RackConfig(Some.Name("r")), Token))["name"].AsString();

        var plan = await sut.PlanAsync(Environment, CtyValue.Null(ProviderSession.TypeOf(Environment)), EnvironmentConfig(Some.Name("e"), rack, rack), Token);

        var diagnostic = Assert.Single(plan.Response.Diagnostics);
        Assert.Equal("racks[1]", PathOf(diagnostic));
        Assert.Contains("twice", diagnostic.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_plan_refuses_a_rack_the_account_does_not_have()
    {
        using var sut = await CreateSutAsync();
        var rack = (await sut.CreateAsync(Rack, RackConfig(Some.Name("r")), Token))["name"].AsString();

        var plan = await sut.PlanAsync(Environment, CtyValue.Null(ProviderSession.TypeOf(Environment)), EnvironmentConfig(Some.Name("e"), rack, "no-such-rack"), Token);

        var diagnostic = Assert.Single(plan.Response.Diagnostics);
        Assert.Equal("racks[1]", PathOf(diagnostic));
        Assert.Contains("no-such-rack", diagnostic.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_plan_accepts_a_rack_planned_for_creation_in_the_same_run()
    {
        using var sut = await CreateSutAsync();
        var rackName = Some.Name("r");
        var rackPlan = await sut.PlanAsync(Rack, CtyValue.Null(ProviderSession.TypeOf(Rack)), RackConfig(rackName), Token);

        var plan = await sut.PlanAsync(Environment, CtyValue.Null(ProviderSession.TypeOf(Environment)), EnvironmentConfig(Some.Name("e"), rackName), Token);

        Assert.Empty(rackPlan.Response.Diagnostics);
        Assert.Empty(plan.Response.Diagnostics);
    }

    [Fact]
    public async Task Environment_plan_refuses_a_name_taken_by_another_account()
    {
        using var admin = fixture.Meshd.CreateClient();
        var account = await admin.CreateAccountAsync(new CreateAccountRequest { Name = Some.Name("acct") }, Token);
        var other = await admin.CreateTokenAsync(new CreateTokenRequest { Name = "tf", Account = account.Name }, Token);
        using var owner = await CreateSutAsync();
        var rack = (await owner.CreateAsync(Rack, RackConfig(Some.Name("r")), Token))["name"].AsString();
        var taken = (await owner.CreateAsync(Environment, EnvironmentConfig(Some.Name("e"), rack), Token))["name"].AsString();
        using var sut = await CreateSutAsync(other.Token);
        var otherRack = (await sut.CreateAsync(Rack, RackConfig(Some.Name("r")), Token))["name"].AsString();

        var plan = await sut.PlanAsync(Environment, CtyValue.Null(ProviderSession.TypeOf(Environment)), EnvironmentConfig(taken, otherRack), Token);

        var diagnostic = Assert.Single(plan.Response.Diagnostics);
        Assert.Equal("name", PathOf(diagnostic));
        Assert.Contains("already taken", diagnostic.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_import_equals_the_managed_state_and_remote_delete_reads_as_gone()
    {
        using var sut = await CreateSutAsync();
        var rack = (await sut.CreateAsync(Rack, RackConfig(Some.Name("r")), Token))["name"].AsString();
        var state = await sut.CreateAsync(Environment, EnvironmentConfig(Some.Name("e"), rack), Token);

        var import = await sut.Server.ImportResourceStateAsync(new() { TypeName = Environment, Id = state["name"].AsString() }, Token);
        using var client = fixture.Meshd.CreateClient();
        await client.DeleteEnvironmentAsync(state["name"].AsString(), null, Token);
        var (_, afterDelete) = await sut.ReadAsync(Environment, state, Token);

        var imported = ProviderSession.Decode(Assert.Single(import.ImportedResources).State, ProviderSession.TypeOf(Environment));
        Assert.True(imported.ValueEquals(state), $"import differs from the managed state: {imported} vs {state}");
        Assert.True(afterDelete.IsNull);
    }

    [Fact]
    public async Task Import_of_a_missing_environment_is_an_error_diagnostic()
    {
        using var sut = await CreateSutAsync();

        var import = await sut.Server.ImportResourceStateAsync(new() { TypeName = Environment, Id = "does-not-exist" }, Token);

        Assert.Empty(import.ImportedResources);
        Assert.Contains("does-not-exist", Assert.Single(import.Diagnostics).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_sources_read_racks_and_environments()
    {
        using var sut = await CreateSutAsync();
        var rack = await sut.CreateAsync(Rack, RackConfig(Some.Name("r")), Token);
        var env = await sut.CreateAsync(Environment, EnvironmentConfig(Some.Name("e"), rack["name"].AsString()), Token);

        var one = await sut.Server.ReadDataSourceAsync(new()
        {
            TypeName = "widemesh_environment",
            Config = Provider.Server.ProviderServer.Encode(ProviderSession.Config("widemesh_environment", ("name", env["name"])), ProviderSession.TypeOf("widemesh_environment")),
        }, Token);
        var all = await sut.Server.ReadDataSourceAsync(new()
        {
            TypeName = "widemesh_racks",
            Config = Provider.Server.ProviderServer.Encode(ProviderSession.Config("widemesh_racks"), ProviderSession.TypeOf("widemesh_racks")),
        }, Token);

        Assert.Empty(one.Diagnostics);
        Assert.Equal(env["hostname"].AsString(), ProviderSession.Decode(one.State, ProviderSession.TypeOf("widemesh_environment"))["hostname"].AsString());
        Assert.Empty(all.Diagnostics);
        Assert.Contains(rack["name"].AsString(), ProviderSession.Decode(all.State, ProviderSession.TypeOf("widemesh_racks"))["names"].Elements.Select(e => e.AsString()));
    }
}

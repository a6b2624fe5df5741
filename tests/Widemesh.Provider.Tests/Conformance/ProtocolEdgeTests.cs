using System.Text;
using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Plugin;

namespace Widemesh.Provider.Tests.Conformance;

/// <summary>What Terraform core sends that a hand-written test would not: unknowns, refinements, concurrency, raw state.</summary>
public sealed class ProtocolEdgeTests(ProviderUnderTest provider) : IClassFixture<ProviderUnderTest>
{
    private const string Type = "widemesh_environment";

    [Fact]
    public async Task Ten_plans_in_flight_at_once_all_answer_correctly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);

        var plans = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            walk.PlanResourceChangeAsync(Type, null, ProviderUnderTest.EnvironmentConfig(walk, $"par-{i}", ProviderUnderTest.Racks[(i + 1) % 3], ProviderUnderTest.Racks[i % 3]), ct)));

        for (var i = 0; i < plans.Length; i++)
        {
            Assert.False(plans[i].HasErrors, string.Join("; ", plans[i].Diagnostics));
            Assert.Equal(CtyValue.String($"par-{i}"), plans[i]["name"]);
            Assert.Equal(CtyValue.String(ProviderUnderTest.Racks[i % 3]), plans[i]["primary_rack"]);
        }
    }

    [Fact]
    public async Task Provider_config_unknown_at_plan_time_is_accepted_and_validation_still_works()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchAsync(ct);
        var config = provider.ProviderConfig(walk).WithAttribute("token", CtyValue.Unknown(CtyType.String));

        var validate = await walk.ValidateProviderConfigAsync(config, ct);
        var configure = await walk.ConfigureProviderAsync(config, ct);
        var resource = await walk.ValidateResourceConfigAsync(Type, ProviderUnderTest.EnvironmentConfig(walk, "Bad_Name", "a"), ct);

        Assert.DoesNotContain(validate.Concat(configure), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(resource, d => d.Severity == DiagnosticSeverity.Error && d.PathText == "name");
    }

    [Fact]
    public async Task An_unknown_name_stays_unknown_in_the_plan()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);
        var config = ProviderUnderTest.EnvironmentConfig(walk, "x", "a").WithAttribute("name", CtyValue.Unknown(CtyType.String));

        var validation = await walk.ValidateResourceConfigAsync(Type, config, ct);
        var plan = await walk.PlanResourceChangeAsync(Type, null, config, ct);

        Assert.DoesNotContain(validation, d => d.Severity == DiagnosticSeverity.Error);
        Assert.False(plan.HasErrors, string.Join("; ", plan.Diagnostics));
        Assert.True(plan["name"].IsUnknown);
        Assert.Equal(CtyValue.String("a"), plan["primary_rack"]);
    }

    [Fact]
    public async Task Refined_unknown_racks_are_accepted_like_plain_unknowns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);
        var refined = CtyValue.Unknown(CtyType.List(CtyType.String), new CtyRefinement(DefinitelyNotNull: true, LengthLowerBound: 1, LengthUpperBound: 3));
        var config = ProviderUnderTest.EnvironmentConfig(walk, "refined", "a").WithAttribute("racks", refined);

        var validation = await walk.ValidateResourceConfigAsync(Type, config, ct);
        var plan = await walk.PlanResourceChangeAsync(Type, null, config, ct);

        Assert.DoesNotContain(validation, d => d.Severity == DiagnosticSeverity.Error);
        Assert.False(plan.HasErrors, string.Join("; ", plan.Diagnostics));
        Assert.True(plan["racks"].IsUnknown);
    }

    [Fact]
    public async Task State_json_with_missing_attributes_upgrades_with_nulls_and_reads_back_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        var terraform = new TerraformWalks(provider);
        var (_, state) = await terraform.ApplyAsync(Type, null, h => ProviderUnderTest.EnvironmentConfig(h, "partial", "b"), ct);
        await using var walk = await provider.LaunchConfiguredAsync(ct);
        var json = Encoding.UTF8.GetBytes($$"""{"id":"{{state!["id"].StringValue}}","name":"partial","racks":["b"]}""");

        var (upgraded, diagnostics) = await walk.UpgradeRawAsync(Type, 0, json, ct);
        var read = await walk.ReadResourceAsync(Type, new ResourceState(upgraded, [], 0), ct);

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(upgraded.GetAttribute("hostname").IsNull);
        Assert.Equal(state.Value, read!.Value);
        await terraform.DestroyAsync(Type, state, ct);
    }

    [Fact]
    public async Task A_process_whose_first_call_is_configure_works_when_the_schema_is_optional()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await provider.LaunchAsync(ct);
        if (!first.Schemas.GetProviderSchemaOptional)
        {
            return;
        }

        await using var plugin = await PluginProcess.StartAsync(provider.LaunchOptions(), ct);
        var configure = await plugin.Provider.ConfigureProviderAsync(new Widemesh.Testing.Terraform.Protocol.Tfplugin6.ConfigureProvider.Types.Request
        {
            TerraformVersion = ConformanceHarness.TerraformVersion,
            Config = ProtoConversions.ToDynamic(provider.ProviderConfig(first), first.Schemas.Provider.Block.ImpliedType()),
        }, cancellationToken: ct);

        Assert.DoesNotContain(configure.Diagnostics, d => d.Severity == Widemesh.Testing.Terraform.Protocol.Tfplugin6.Diagnostic.Types.Severity.Error);
    }
}

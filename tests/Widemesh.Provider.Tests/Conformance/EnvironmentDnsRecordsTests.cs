using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Provider.Tests.Conformance;

/// <summary>
/// <c>widemesh_environment.dns_records</c>: unknown in a plan that changes <c>racks</c>, then what
/// GET /v1/environments/{name}/dns says, and equal to the prior state otherwise (no perpetual diff).
/// </summary>
public sealed class EnvironmentDnsRecordsTests(ProviderUnderTest provider) : IClassFixture<ProviderUnderTest>
{
    private const string Type = "widemesh_environment";

    private readonly TerraformWalks _terraform = new(provider);

    [Fact]
    public async Task Dns_records_follow_the_last_rack_and_are_unknown_only_when_racks_change()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = provider.Meshd.CreateClient();
        var ingressB = (await client.GetRackAsync("b", ct))!.IngressAddress!;
        var ingressA = (await client.GetRackAsync("a", ct))!.IngressAddress!;

        var (create, created) = await _terraform.ApplyAsync(Type, null, h => ProviderUnderTest.EnvironmentConfig(h, "records", "a", "b"), ct);
        var (_, unchanged) = await _terraform.PlanAsync(Type, created, h => ProviderUnderTest.EnvironmentConfig(h, "records", "a", "b"), ct);
        var (reorder, reordered) = await _terraform.ApplyAsync(Type, created, h => ProviderUnderTest.EnvironmentConfig(h, "records", "b", "a"), ct);
        var (_, afterReorder) = await _terraform.PlanAsync(Type, reordered, h => ProviderUnderTest.EnvironmentConfig(h, "records", "b", "a"), ct);
        var served = await client.GetEnvironmentDnsAsync("records", ct);

        Assert.True(create["dns_records"].IsUnknown);
        Assert.Equal(
            [("A", "records.widemesh.internal", ingressB), ("TXT", "records.widemesh.internal", "racks=a,b")],
            Records(created!));
        Assert.All(created!["dns_records"].Elements, r => Assert.Equal(CtyNumber.FromInteger(served!.Ttl), r.GetAttribute("ttl").NumberValue));
        Assert.Equal(PlannedAction.NoOp, unchanged.Action);
        Assert.True(reorder["dns_records"].IsUnknown);
        Assert.Equal([("A", "records.widemesh.internal", ingressA), ("TXT", "records.widemesh.internal", "racks=b,a")], Records(reordered!));
        Assert.Equal(PlannedAction.NoOp, afterReorder.Action);
        var imported = await _terraform.ImportAsync(Type, "records", ct);
        Assert.Equal(reordered!["dns_records"], imported["dns_records"]);
        await _terraform.DestroyAsync(Type, reordered, ct);
    }

    [Fact]
    public async Task The_environment_data_source_reads_the_same_dns_records_as_the_resource()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, state) = await _terraform.ApplyAsync(Type, null, h => ProviderUnderTest.EnvironmentConfig(h, "records-ds", "c"), ct);
        await using var walk = await provider.LaunchConfiguredAsync(ct);
        var config = CtyValue.Object(walk.Schemas.DataSource("widemesh_environment").Block.ImpliedType(), new Dictionary<string, CtyValue> { ["name"] = CtyValue.String("records-ds") });

        var (environment, diagnostics) = await walk.ReadDataSourceAsync("widemesh_environment", config, ct);
        var (list, listDiagnostics) = await walk.ReadDataSourceAsync("widemesh_environments", CtyValue.Object(walk.Schemas.DataSource("widemesh_environments").Block.ImpliedType(), []), ct);

        Assert.DoesNotContain(diagnostics.Concat(listDiagnostics), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(state!["dns_records"], environment.GetAttribute("dns_records"));
        var listed = Assert.Single(list.GetAttribute("environments").Elements, e => e.GetAttribute("name").StringValue == "records-ds");
        Assert.Equal(state["dns_records"], listed.GetAttribute("dns_records"));
        await _terraform.DestroyAsync(Type, state, ct);
    }

    private static List<(string Type, string Name, string Value)> Records(ResourceState state) =>
        [.. state["dns_records"].Elements.Select(r => (r.GetAttribute("type").StringValue!, r.GetAttribute("name").StringValue!, r.GetAttribute("value").StringValue!))];
}

using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Provider.Tests.Conformance;

/// <summary>widemesh_log_drain driven like Terraform core through the published provider against a real meshd.</summary>
public sealed class LogDrainLifecycleTests(ProviderUnderTest provider) : IClassFixture<ProviderUnderTest>
{
    private const string Type = "widemesh_log_drain";

    // Nothing listens there: meshd keeps the drain and retries, which is all a lifecycle needs.
    private const string Url = "syslog+tcp://127.0.0.1:9";

    private readonly TerraformWalks _terraform = new(provider);

    [Fact]
    public async Task Lifecycle_from_create_to_destroy_obeys_every_terraform_rule()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = provider.Meshd.CreateClient();
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = "drained", Racks = ["a"] }, ct);

        // create
        var (created, state) = await _terraform.ApplyAsync(Type, null, h => Config(h, "drained", Url), ct);
        Assert.Equal(PlannedAction.Create, created.Action);
        Assert.True(created["id"].IsUnknown);
        var id = state!["id"].StringValue ?? string.Empty;
        Assert.StartsWith("drn_", id, StringComparison.Ordinal);
        Assert.Equal(Url, Assert.Single(await client.ListDrainsAsync("drained", ct)).Url);

        // read, plan again: nothing to do (the forwarding counters are not attributes, so they never show a diff)
        var refreshed = await _terraform.RefreshAsync(Type, state, ct);
        Assert.Equal(state.Value, refreshed!.Value);
        var (_, again) = await _terraform.PlanAsync(Type, refreshed, h => Config(h, "drained", Url), ct);
        Assert.Equal(PlannedAction.NoOp, again.Action);

        // import by ENV/ID and by the bare ID: both equal the managed state, and the next plan is empty
        var byPair = await _terraform.ImportAsync(Type, $"drained/{id}", ct);
        var byId = await _terraform.ImportAsync(Type, id, ct);
        Assert.Equal(state.Value, byPair.Value);
        Assert.Equal(state.Value, byId.Value);
        var (_, afterImport) = await _terraform.PlanAsync(Type, byPair, h => Config(h, "drained", Url), ct);
        Assert.Equal(PlannedAction.NoOp, afterImport.Action);

        // a new url replaces the drain
        var (replace, replaced) = await _terraform.ApplyAsync(Type, refreshed, h => Config(h, "drained", "syslog+tls://127.0.0.1:9"), ct);
        Assert.Equal(PlannedAction.Replace, replace.Action);
        Assert.Contains(replace.RequiresReplace, p => AttributePaths.Format(p) == "url");
        Assert.NotEqual(id, replaced!["id"].StringValue);
        Assert.Equal("syslog+tls://127.0.0.1:9", Assert.Single(await client.ListDrainsAsync("drained", ct)).Url);

        // deleted outside Terraform: reads as gone, next plan creates it
        await client.DeleteDrainAsync("drained", replaced["id"].StringValue ?? string.Empty, ct);
        Assert.Null(await _terraform.RefreshAsync(Type, replaced, ct));
        var (gone, recreate) = await _terraform.PlanAsync(Type, replaced, h => Config(h, "drained", Url), ct);
        Assert.Null(gone);
        Assert.Equal(PlannedAction.Create, recreate.Action);

        // destroy
        var (_, last) = await _terraform.ApplyAsync(Type, null, h => Config(h, "drained", Url), ct);
        await _terraform.DestroyAsync(Type, last!, ct);
        Assert.Empty(await client.ListDrainsAsync("drained", ct));
        await client.DeleteEnvironmentAsync("drained", null, ct);
    }

    [Fact]
    public async Task A_url_spelled_differently_but_meaning_the_same_server_is_kept_without_a_diff()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = provider.Meshd.CreateClient();
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = "spelled", Racks = ["a"] }, ct);
        const string Spelled = "SYSLOG+TCP://LocalHost:514";

        var (_, state) = await _terraform.ApplyAsync(Type, null, h => Config(h, "spelled", Spelled), ct);
        var (refreshed, plan) = await _terraform.PlanAsync(Type, state, h => Config(h, "spelled", Spelled), ct);

        Assert.Equal(CtyValue.String(Spelled), refreshed!["url"]);
        Assert.Equal(PlannedAction.NoOp, plan.Action);
        Assert.Equal("syslog+tcp://localhost:514", Assert.Single(await client.ListDrainsAsync("spelled", ct)).Url);
        await _terraform.DestroyAsync(Type, refreshed, ct);
        await client.DeleteEnvironmentAsync("spelled", null, ct);
    }

    [Fact]
    public async Task Deleting_the_environment_makes_the_drain_read_as_gone()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = provider.Meshd.CreateClient();
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = "short-lived", Racks = ["b"] }, ct);
        var (_, state) = await _terraform.ApplyAsync(Type, null, h => Config(h, "short-lived", Url), ct);

        await client.DeleteEnvironmentAsync("short-lived", null, ct);

        Assert.Null(await _terraform.RefreshAsync(Type, state!, ct));
    }

    [Theory]
    [InlineData("http://logs.example.com:514", "url")]
    [InlineData("syslog+tcp://logs.example.com", "url")]
    [InlineData("syslog+tcp://logs.example.com:70000", "url")]
    [InlineData("syslog+tcp://logs.example.com:514/path", "url")]
    public async Task A_bad_url_is_an_error_on_url_at_validate_time(string url, string attribute)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);

        var validation = await walk.ValidateResourceConfigAsync(Type, Config(walk, "anything", url), ct);
        var plan = await walk.PlanResourceChangeAsync(Type, null, Config(walk, "anything", url), ct);

        var error = Assert.Single(validation, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(attribute, error.PathText);
        Assert.Contains("syslog+tcp://", error.Detail, StringComparison.Ordinal);
        Assert.True(plan.HasErrors);
        Assert.Contains(plan.Diagnostics, d => d.PathText == attribute);
    }

    [Fact]
    public async Task An_unknown_url_is_planned_without_errors_and_checked_once_known()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);
        var config = Config(walk, "later", Url).WithAttribute("url", CtyValue.Unknown(CtyType.String));

        var validation = await walk.ValidateResourceConfigAsync(Type, config, ct);
        var plan = await walk.PlanResourceChangeAsync(Type, null, config, ct);

        Assert.DoesNotContain(validation, d => d.Severity == DiagnosticSeverity.Error);
        Assert.False(plan.HasErrors, string.Join("; ", plan.Diagnostics));
        Assert.True(plan["url"].IsUnknown);
    }

    [Theory]
    [InlineData("nope/drn_1234")]
    [InlineData("drained/not-a-drain")]
    [InlineData("Bad_Env/drn_1234")]
    public async Task Import_of_a_missing_or_malformed_id_is_an_error_that_explains_the_id(string id)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);

        var (state, diagnostics) = await walk.ImportAsync(Type, id, ct);

        Assert.Null(state);
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("ENVIRONMENT/ID", error.Detail, StringComparison.Ordinal);
    }

    private static CtyValue Config(ConformanceHarness harness, string environment, string url) =>
        CtyValue.Object(harness.Schemas.Resource(Type).Block.ImpliedType(), new Dictionary<string, CtyValue>
        {
            ["environment"] = CtyValue.String(environment),
            ["url"] = CtyValue.String(url),
        });
}

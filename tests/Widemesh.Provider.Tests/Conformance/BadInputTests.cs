using Google.Protobuf;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;
using Proto = Widemesh.Testing.Terraform.Protocol.Tfplugin6;

namespace Widemesh.Provider.Tests.Conformance;

/// <summary>Bad input becomes error diagnostics with attribute paths at plan time, and the process keeps serving.</summary>
public sealed class BadInputTests(ProviderUnderTest provider) : IClassFixture<ProviderUnderTest>
{
    private const string Type = "widemesh_environment";

    [Theory]
    [InlineData("Bad_Name")]
    [InlineData("9lives")]
    [InlineData("trailing-")]
    [InlineData("")]
    public async Task Invalid_environment_names_are_errors_on_the_name_attribute(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);

        var errors = await ValidateThenPlanAsync(walk, ProviderUnderTest.EnvironmentConfig(walk, name, "a"), ct);

        AssertErrorAt(errors, "name");
        await AssertStillServesAsync(walk, ct);
    }

    [Fact]
    public async Task Duplicate_racks_are_an_error_on_racks()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);

        var errors = await ValidateThenPlanAsync(walk, ProviderUnderTest.EnvironmentConfig(walk, "dupes", "a", "b", "a"), ct);

        AssertErrorAt(errors, "racks");
        await AssertStillServesAsync(walk, ct);
    }

    [Fact]
    public async Task An_empty_racks_list_is_an_error_on_racks()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);

        var errors = await ValidateThenPlanAsync(walk, ProviderUnderTest.EnvironmentConfig(walk, "empty"), ct);

        AssertErrorAt(errors, "racks");
    }

    [Fact]
    public async Task Unknown_racks_are_an_error_at_plan_time_on_racks()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);

        var errors = await ValidateThenPlanAsync(walk, ProviderUnderTest.EnvironmentConfig(walk, "lost", "a", "nowhere"), ct);

        AssertErrorAt(errors, "racks");
        Assert.Contains(errors, e => e.Detail.Contains("nowhere", StringComparison.Ordinal));
        await AssertStillServesAsync(walk, ct);
    }

    [Fact]
    public async Task A_name_taken_by_another_account_is_an_error_at_plan_time_without_revealing_the_owner()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = provider.Meshd.CreateClient();
        await admin.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = "taken", Racks = ["a"] }, ct);
        await admin.CreateAccountAsync(new CreateAccountRequest { Name = "other" }, ct);
        var token = await admin.CreateTokenAsync(new CreateTokenRequest { Name = "tf", Account = "other" }, ct);
        using var other = provider.Meshd.CreateClient(token.Token);
        await other.CreateRackAsync(new CreateRackRequest { Name = "a" }, ct);
        await using var walk = await provider.LaunchConfiguredAsync(ct, token.Token);

        var errors = await ValidateThenPlanAsync(walk, ProviderUnderTest.EnvironmentConfig(walk, "taken", "a"), ct);

        AssertErrorAt(errors, "name");
        Assert.DoesNotContain(errors, e => e.Detail.Contains("admin", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_malformed_dynamic_value_is_an_error_diagnostic_and_the_process_keeps_serving()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);
        var garbage = new Proto.DynamicValue { Msgpack = ByteString.CopyFrom(0xc1, 0x93, 0x01) };

        var validate = await walk.Provider.ValidateResourceConfigAsync(new Proto.ValidateResourceConfig.Types.Request { TypeName = Type, Config = garbage }, cancellationToken: ct);
        var plan = await walk.Provider.PlanResourceChangeAsync(new Proto.PlanResourceChange.Types.Request
        {
            TypeName = Type,
            PriorState = new Proto.DynamicValue { Msgpack = ByteString.CopyFrom(0xc0) },
            ProposedNewState = garbage,
            Config = garbage,
        }, cancellationToken: ct);
        var missingAttributes = await walk.Provider.ValidateResourceConfigAsync(new Proto.ValidateResourceConfig.Types.Request
        {
            TypeName = Type,
            Config = new Proto.DynamicValue { Msgpack = ByteString.CopyFrom(0x81, 0xa4, 0x6e, 0x61, 0x6d, 0x65, 0xa1, 0x78) },
        }, cancellationToken: ct);

        Assert.Contains(validate.Diagnostics, d => d.Severity == Proto.Diagnostic.Types.Severity.Error);
        Assert.Contains(plan.Diagnostics, d => d.Severity == Proto.Diagnostic.Types.Severity.Error);
        Assert.Contains(missingAttributes.Diagnostics, d => d.Severity == Proto.Diagnostic.Types.Severity.Error);
        await AssertStillServesAsync(walk, ct);
    }

    [Fact]
    public async Task An_unknown_resource_type_is_an_error_diagnostic()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);

        var response = await walk.Provider.ValidateResourceConfigAsync(new Proto.ValidateResourceConfig.Types.Request
        {
            TypeName = "widemesh_nothing",
            Config = new Proto.DynamicValue { Msgpack = ByteString.CopyFrom(0x80) },
        }, cancellationToken: ct);

        Assert.Contains(response.Diagnostics, d => d.Severity == Proto.Diagnostic.Types.Severity.Error && d.Summary.Length > 0 && d.Detail.Length > 0);
        await AssertStillServesAsync(walk, ct);
    }

    private static async Task<IReadOnlyList<HarnessDiagnostic>> ValidateThenPlanAsync(ConformanceHarness walk, CtyValue config, CancellationToken ct)
    {
        var validation = await walk.ValidateResourceConfigAsync(Type, config, ct);
        if (validation.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return validation;
        }

        var plan = await walk.PlanResourceChangeAsync(Type, null, config, ct);
        Assert.True(plan.HasErrors, $"planning {config} must fail, but the plan was {plan.Action} {plan.Planned}");
        return plan.Diagnostics;
    }

    private static void AssertErrorAt(IReadOnlyList<HarnessDiagnostic> diagnostics, string attribute)
    {
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Path.Count > 0 && d.Path[0].AttributeName == attribute);
        Assert.False(string.IsNullOrWhiteSpace(error.Summary));
        Assert.False(string.IsNullOrWhiteSpace(error.Detail));
    }

    private static async Task AssertStillServesAsync(ConformanceHarness walk, CancellationToken ct)
    {
        var plan = await walk.PlanResourceChangeAsync(Type, null, ProviderUnderTest.EnvironmentConfig(walk, "still-fine", "a"), ct);
        Assert.False(plan.HasErrors, string.Join("; ", plan.Diagnostics));
        Assert.False(walk.Plugin.HasExited);
    }
}

using Widemesh.Provider.Rpc;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Tests.Rpc;

public sealed class ErrorResponsesTests
{
    [Fact]
    public void Unexpected_failure_of_a_plan_becomes_one_error_diagnostic_asking_to_report_it()
    {
        var response = ErrorResponses.Create<Tf.PlanResourceChange.Types.Response>("PlanResourceChange", new InvalidOperationException("boom"));

        var diagnostic = Assert.Single(response!.Diagnostics);
        Assert.Equal(Tf.Diagnostic.Types.Severity.Error, diagnostic.Severity);
        Assert.Equal("Unexpected Plan Resource Change Error", diagnostic.Summary);
        Assert.Contains("please report this", diagnostic.Detail, StringComparison.Ordinal);
        Assert.Contains("boom", diagnostic.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_failure_still_carries_a_provider_block()
    {
        var response = ErrorResponses.Create<Tf.GetProviderSchema.Types.Response>("GetProviderSchema", new InvalidOperationException("x"));

        Assert.NotNull(response!.Provider.Block);
    }

    [Fact]
    public void Responses_it_does_not_know_yield_null()
    {
        Assert.Null(ErrorResponses.Create<Tf.CallFunction.Types.Response>("CallFunction", new InvalidOperationException("x")));
    }
}

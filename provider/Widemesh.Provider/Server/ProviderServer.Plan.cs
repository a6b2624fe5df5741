using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Provider.Resources;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Server;

internal sealed partial class ProviderServer
{
    /// <summary>
    /// Plans per protocol doc §4: destroy plans null; planned private is the prior private;
    /// configured attributes equal config; computed ones are unknown only when really unknown;
    /// a plan with no change returns the prior state exactly.
    /// </summary>
    public async Task<Tf.PlanResourceChange.Types.Response> PlanResourceChangeAsync(
        Tf.PlanResourceChange.Types.Request request, CancellationToken cancellationToken)
    {
        const string Rpc = "PlanResourceChange";
        var response = new Tf.PlanResourceChange.Types.Response { PlannedPrivate = request.PriorPrivate };
        if (!_registry.Resources.TryGetValue(request.TypeName, out var resource))
        {
            response.Diagnostics.Add(ProviderDiagnostics.UnknownType(Rpc, "Resource", request.TypeName));
            return response;
        }

        Log.Rpc(_logger, Rpc, request.TypeName);
        var type = resource.Schema.ImpliedType;
        if (!TryDecode(request.PriorState, type, Rpc, "Prior State", response.Diagnostics, out var prior)
            | !TryDecode(request.ProposedNewState, type, Rpc, "Proposed New State", response.Diagnostics, out var proposed)
            | !TryDecode(request.Config, type, Rpc, "Configuration", response.Diagnostics, out var config))
        {
            return response;
        }

        if (proposed.IsNull || config.IsNull)
        {
            response.PlannedState = Encode(CtyValue.Null(type), type);
            return response;
        }

        using var cancellation = Link(cancellationToken);
        try
        {
            var plan = await resource.PlanAsync(new ResourcePlanRequest(prior, config, proposed), Platform, response.Diagnostics, cancellation.Token);
            response.PlannedState = Encode(plan.Planned, type);
            if (!prior.IsNull)
            {
                response.RequiresReplace.AddRange(plan.RequiresReplace.Select(ProviderDiagnostics.ToProto));
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            response.Diagnostics.Add(ProviderDiagnostics.Cancelled("Plan"));
            response.PlannedState = Encode(proposed, type);
        }

        return response;
    }
}

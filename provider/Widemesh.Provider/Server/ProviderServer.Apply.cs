using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Server;

internal sealed partial class ProviderServer
{
    /// <summary>
    /// Creates, updates or deletes (planned null). The result has no unknowns; on failure it is null
    /// for a create that made nothing and the prior state for an update; private data passes through.
    /// </summary>
    public async Task<Tf.ApplyResourceChange.Types.Response> ApplyResourceChangeAsync(
        Tf.ApplyResourceChange.Types.Request request, CancellationToken cancellationToken)
    {
        const string Rpc = "ApplyResourceChange";
        var response = new Tf.ApplyResourceChange.Types.Response { Private = request.PlannedPrivate };
        if (!_registry.Resources.TryGetValue(request.TypeName, out var resource))
        {
            response.Diagnostics.Add(ProviderDiagnostics.UnknownType(Rpc, "Resource", request.TypeName));
            return response;
        }

        Log.Rpc(_logger, Rpc, request.TypeName);
        var type = resource.Schema.ImpliedType;
        if (!TryDecode(request.PriorState, type, Rpc, "Prior State", response.Diagnostics, out var prior)
            | !TryDecode(request.PlannedState, type, Rpc, "Planned State", response.Diagnostics, out var planned))
        {
            response.NewState = request.PriorState;
            return response;
        }

        var operation = planned.IsNull ? "Delete" : prior.IsNull ? "Create" : "Update";
        var platform = Platform;
        if (platform.Client is null)
        {
            response.Diagnostics.Add(ProviderDiagnostics.NotConfigured(operation));
            response.NewState = Encode(prior, type);
            return response;
        }

        using var cancellation = Link(cancellationToken);
        try
        {
            if (planned.IsNull)
            {
                await resource.DeleteAsync(prior, platform, response.Diagnostics, cancellation.Token);
                var failed = response.Diagnostics.Any(d => d.Severity == Tf.Diagnostic.Types.Severity.Error);
                response.NewState = Encode(failed ? prior : CtyValue.Null(type), type);
                return response;
            }

            var result = await resource.ApplyAsync(prior, planned, platform, response.Diagnostics, cancellation.Token);
            if (result is not null && !result.IsWhollyKnown())
            {
                throw new InvalidOperationException($"{request.TypeName} left unknown values after apply: {result}");
            }

            response.NewState = Encode(result ?? prior, type);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            response.Diagnostics.Add(ProviderDiagnostics.Cancelled(operation));
            response.NewState = Encode(prior, type);
        }

        return response;
    }
}

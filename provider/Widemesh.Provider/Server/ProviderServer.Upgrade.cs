using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Server;

internal sealed partial class ProviderServer
{
    /// <summary>
    /// Converts stored JSON state (protocol doc §3.6) to msgpack of the current schema. Versions up to
    /// the current one are read with the current type (attributes that no longer exist are dropped,
    /// missing ones become null), then the resource upgrades older versions. A newer version or legacy
    /// flatmap state is an error.
    /// </summary>
    public Task<Tf.UpgradeResourceState.Types.Response> UpgradeResourceStateAsync(
        Tf.UpgradeResourceState.Types.Request request, CancellationToken cancellationToken)
    {
        const string Rpc = "UpgradeResourceState";
        var response = new Tf.UpgradeResourceState.Types.Response();
        if (!_registry.Resources.TryGetValue(request.TypeName, out var resource))
        {
            response.Diagnostics.Add(ProviderDiagnostics.UnknownType(Rpc, "Resource", request.TypeName));
            return Task.FromResult(response);
        }

        var schema = resource.Schema;
        if (request.Version > schema.Version)
        {
            response.Diagnostics.Add(ProviderDiagnostics.Error(
                "Upgrade Resource State Error",
                $"The state of this {request.TypeName} was written by a newer provider (schema version {request.Version}; this provider knows up to {schema.Version}). Upgrade the Widemesh provider."));
            return Task.FromResult(response);
        }

        var raw = request.RawState;
        if (raw is null || raw.Json.IsEmpty)
        {
            response.Diagnostics.Add(ProviderDiagnostics.Error(
                "Upgrade Resource State Error",
                $"The state of this {request.TypeName} is {(raw?.Flatmap.Count > 0 ? "in the pre-0.12 flatmap format" : "empty")}, which this provider cannot read. Remove it with `terraform state rm` and import the object again."));
            return Task.FromResult(response);
        }

        try
        {
            var state = resource.UpgradeState(request.Version, CtyJson.Decode(raw.Json.Span, schema.ImpliedType, ignoreUnknownAttributes: true));
            response.UpgradedState = Encode(state, schema.ImpliedType);
        }
        catch (CtyFormatException ex)
        {
            response.Diagnostics.Add(ProviderDiagnostics.MalformedValue("Upgrade Resource State", "Stored State", ex));
        }

        return Task.FromResult(response);
    }
}

using Widemesh.Provider.Diagnostics;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Server;

internal sealed partial class ProviderServer
{
    public Task<Tf.ValidateResourceConfig.Types.Response> ValidateResourceConfigAsync(
        Tf.ValidateResourceConfig.Types.Request request, CancellationToken cancellationToken)
    {
        var response = new Tf.ValidateResourceConfig.Types.Response();
        if (!_registry.Resources.TryGetValue(request.TypeName, out var resource))
        {
            response.Diagnostics.Add(ProviderDiagnostics.UnknownType("ValidateResourceConfig", "Resource", request.TypeName));
        }
        else if (TryDecode(request.Config, resource.Schema.ImpliedType, "ValidateResourceConfig", "Configuration", response.Diagnostics, out var config))
        {
            resource.Validate(config, response.Diagnostics);
        }

        return Task.FromResult(response);
    }

    public Task<Tf.ValidateDataResourceConfig.Types.Response> ValidateDataResourceConfigAsync(
        Tf.ValidateDataResourceConfig.Types.Request request, CancellationToken cancellationToken)
    {
        var response = new Tf.ValidateDataResourceConfig.Types.Response();
        if (!_registry.DataSources.TryGetValue(request.TypeName, out var dataSource))
        {
            response.Diagnostics.Add(ProviderDiagnostics.UnknownType("ValidateDataResourceConfig", "Data Source", request.TypeName));
        }
        else if (TryDecode(request.Config, dataSource.Schema.ImpliedType, "ValidateDataResourceConfig", "Configuration", response.Diagnostics, out var config))
        {
            dataSource.Validate(config, response.Diagnostics);
        }

        return Task.FromResult(response);
    }
}

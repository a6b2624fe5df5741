using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Server;

internal sealed partial class ProviderServer
{
    /// <summary>Refreshes state from the platform; null new_state when the object was deleted outside Terraform.</summary>
    public async Task<Tf.ReadResource.Types.Response> ReadResourceAsync(Tf.ReadResource.Types.Request request, CancellationToken cancellationToken)
    {
        const string Rpc = "ReadResource";
        var response = new Tf.ReadResource.Types.Response { Private = request.Private, NewState = request.CurrentState };
        if (!_registry.Resources.TryGetValue(request.TypeName, out var resource))
        {
            response.Diagnostics.Add(ProviderDiagnostics.UnknownType(Rpc, "Resource", request.TypeName));
            return response;
        }

        Log.Rpc(_logger, Rpc, request.TypeName);
        var type = resource.Schema.ImpliedType;
        if (!TryDecode(request.CurrentState, type, Rpc, "Current State", response.Diagnostics, out var current) || current.IsNull)
        {
            return response;
        }

        var platform = Platform;
        if (platform.Client is null)
        {
            // Provider configuration is not known yet (plan): keep the state as it is.
            response.NewState = Encode(current, type);
            return response;
        }

        using var cancellation = Link(cancellationToken);
        try
        {
            var state = await resource.ReadAsync(current, platform, response.Diagnostics, cancellation.Token);
            response.NewState = Encode(state ?? CtyValue.Null(type), type);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            response.Diagnostics.Add(ProviderDiagnostics.Cancelled("Read"));
            response.NewState = Encode(current, type);
        }

        return response;
    }

    /// <summary>Imports by name: one resource of the requested type, read from the platform.</summary>
    public async Task<Tf.ImportResourceState.Types.Response> ImportResourceStateAsync(
        Tf.ImportResourceState.Types.Request request, CancellationToken cancellationToken)
    {
        const string Rpc = "ImportResourceState";
        var response = new Tf.ImportResourceState.Types.Response();
        if (!_registry.Resources.TryGetValue(request.TypeName, out var resource))
        {
            response.Diagnostics.Add(ProviderDiagnostics.UnknownType(Rpc, "Resource", request.TypeName));
            return response;
        }

        Log.Rpc(_logger, Rpc, request.TypeName);
        var platform = Platform;
        if (platform.Client is null)
        {
            response.Diagnostics.Add(ProviderDiagnostics.NotConfigured("Import"));
            return response;
        }

        using var cancellation = Link(cancellationToken);
        try
        {
            var state = await resource.ImportAsync(request.Id, platform, response.Diagnostics, cancellation.Token);
            if (state is not null)
            {
                response.ImportedResources.Add(new Tf.ImportResourceState.Types.ImportedResource
                {
                    TypeName = request.TypeName,
                    State = Encode(state, resource.Schema.ImpliedType),
                });
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            response.Diagnostics.Add(ProviderDiagnostics.Cancelled("Import"));
        }

        return response;
    }

    public async Task<Tf.ReadDataSource.Types.Response> ReadDataSourceAsync(Tf.ReadDataSource.Types.Request request, CancellationToken cancellationToken)
    {
        const string Rpc = "ReadDataSource";
        var response = new Tf.ReadDataSource.Types.Response();
        if (!_registry.DataSources.TryGetValue(request.TypeName, out var dataSource))
        {
            response.Diagnostics.Add(ProviderDiagnostics.UnknownType(Rpc, "Data Source", request.TypeName));
            return response;
        }

        Log.Rpc(_logger, Rpc, request.TypeName);
        var type = dataSource.Schema.ImpliedType;
        if (!TryDecode(request.Config, type, Rpc, "Configuration", response.Diagnostics, out var config))
        {
            return response;
        }

        if (!config.IsWhollyKnown() || config.IsNull)
        {
            response.Diagnostics.Add(ProviderDiagnostics.Error(
                "Read Data Source Error",
                $"{request.TypeName} can only be read when its configuration is known. Make its arguments known at plan time, or let Terraform read it during apply."));
            return response;
        }

        var platform = Platform;
        if (platform.Client is null)
        {
            if (request.ClientCapabilities?.DeferralAllowed == true)
            {
                response.Deferred = new Tf.Deferred { Reason = Tf.Deferred.Types.Reason.ProviderConfigUnknown };
            }
            else
            {
                response.Diagnostics.Add(ProviderDiagnostics.NotConfigured("Read Data Source"));
            }

            return response;
        }

        using var cancellation = Link(cancellationToken);
        try
        {
            dataSource.Validate(config, response.Diagnostics);
            if (response.Diagnostics.Count == 0 && await dataSource.ReadAsync(config, platform, response.Diagnostics, cancellation.Token) is { } state)
            {
                response.State = Encode(state, type);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            response.Diagnostics.Add(ProviderDiagnostics.Cancelled("Read Data Source"));
        }

        return response;
    }
}

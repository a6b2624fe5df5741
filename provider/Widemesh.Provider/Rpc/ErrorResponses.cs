using Widemesh.Provider.Diagnostics;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Rpc;

/// <summary>Builds the response of an RPC that failed unexpectedly: one "please report this" diagnostic. No reflection.</summary>
internal static class ErrorResponses
{
    public static TResponse? Create<TResponse>(string rpc, Exception exception)
        where TResponse : class
    {
        var diagnostic = ProviderDiagnostics.Unexpected(rpc, exception);
        object? response = typeof(TResponse) switch
        {
            var t when t == typeof(Tf.GetMetadata.Types.Response) => new Tf.GetMetadata.Types.Response { Diagnostics = { diagnostic } },
            var t when t == typeof(Tf.GetProviderSchema.Types.Response) => new Tf.GetProviderSchema.Types.Response
            {
                Provider = new Tf.Schema { Block = new Tf.Schema.Types.Block() },
                Diagnostics = { diagnostic },
            },
            var t when t == typeof(Tf.GetResourceIdentitySchemas.Types.Response) => new Tf.GetResourceIdentitySchemas.Types.Response { Diagnostics = { diagnostic } },
            var t when t == typeof(Tf.ValidateProviderConfig.Types.Response) => new Tf.ValidateProviderConfig.Types.Response { Diagnostics = { diagnostic } },
            var t when t == typeof(Tf.ValidateResourceConfig.Types.Response) => new Tf.ValidateResourceConfig.Types.Response { Diagnostics = { diagnostic } },
            var t when t == typeof(Tf.ValidateDataResourceConfig.Types.Response) => new Tf.ValidateDataResourceConfig.Types.Response { Diagnostics = { diagnostic } },
            var t when t == typeof(Tf.UpgradeResourceState.Types.Response) => new Tf.UpgradeResourceState.Types.Response { Diagnostics = { diagnostic } },
            var t when t == typeof(Tf.ConfigureProvider.Types.Response) => new Tf.ConfigureProvider.Types.Response { Diagnostics = { diagnostic } },
            var t when t == typeof(Tf.ReadResource.Types.Response) => new Tf.ReadResource.Types.Response { Diagnostics = { diagnostic } },
            var t when t == typeof(Tf.PlanResourceChange.Types.Response) => new Tf.PlanResourceChange.Types.Response { Diagnostics = { diagnostic } },
            var t when t == typeof(Tf.ApplyResourceChange.Types.Response) => new Tf.ApplyResourceChange.Types.Response { Diagnostics = { diagnostic } },
            var t when t == typeof(Tf.ImportResourceState.Types.Response) => new Tf.ImportResourceState.Types.Response { Diagnostics = { diagnostic } },
            var t when t == typeof(Tf.ReadDataSource.Types.Response) => new Tf.ReadDataSource.Types.Response { Diagnostics = { diagnostic } },
            var t when t == typeof(Tf.StopProvider.Types.Response) => new Tf.StopProvider.Types.Response { Error = diagnostic.Detail },
            _ => null,
        };
        return response as TResponse;
    }
}

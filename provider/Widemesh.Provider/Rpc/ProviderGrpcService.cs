using Grpc.Core;
using Widemesh.Provider.Server;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Rpc;

/// <summary>
/// The <c>tfplugin6.Provider</c> gRPC service: a thin adapter over <see cref="ProviderServer"/>.
/// RPCs not overridden here (ephemeral resources, functions, list resources, moves, config
/// generation, identity upgrade) answer UNIMPLEMENTED, which Terraform tolerates for a provider
/// that advertises none of those capabilities.
/// </summary>
internal sealed class ProviderGrpcService(ProviderServer server) : Tf.Provider.ProviderBase
{
    public override Task<Tf.GetMetadata.Types.Response> GetMetadata(Tf.GetMetadata.Types.Request request, ServerCallContext context) =>
        server.GetMetadataAsync(request, context.CancellationToken);

    public override Task<Tf.GetProviderSchema.Types.Response> GetProviderSchema(Tf.GetProviderSchema.Types.Request request, ServerCallContext context) =>
        server.GetProviderSchemaAsync(request, context.CancellationToken);

    public override Task<Tf.GetResourceIdentitySchemas.Types.Response> GetResourceIdentitySchemas(
        Tf.GetResourceIdentitySchemas.Types.Request request, ServerCallContext context) =>
        server.GetResourceIdentitySchemasAsync(request, context.CancellationToken);

    public override Task<Tf.ValidateProviderConfig.Types.Response> ValidateProviderConfig(
        Tf.ValidateProviderConfig.Types.Request request, ServerCallContext context) =>
        server.ValidateProviderConfigAsync(request, context.CancellationToken);

    public override Task<Tf.ValidateResourceConfig.Types.Response> ValidateResourceConfig(
        Tf.ValidateResourceConfig.Types.Request request, ServerCallContext context) =>
        server.ValidateResourceConfigAsync(request, context.CancellationToken);

    public override Task<Tf.ValidateDataResourceConfig.Types.Response> ValidateDataResourceConfig(
        Tf.ValidateDataResourceConfig.Types.Request request, ServerCallContext context) =>
        server.ValidateDataResourceConfigAsync(request, context.CancellationToken);

    public override Task<Tf.UpgradeResourceState.Types.Response> UpgradeResourceState(
        Tf.UpgradeResourceState.Types.Request request, ServerCallContext context) =>
        server.UpgradeResourceStateAsync(request, context.CancellationToken);

    public override Task<Tf.ConfigureProvider.Types.Response> ConfigureProvider(Tf.ConfigureProvider.Types.Request request, ServerCallContext context) =>
        server.ConfigureProviderAsync(request, context.CancellationToken);

    public override Task<Tf.ReadResource.Types.Response> ReadResource(Tf.ReadResource.Types.Request request, ServerCallContext context) =>
        server.ReadResourceAsync(request, context.CancellationToken);

    public override Task<Tf.PlanResourceChange.Types.Response> PlanResourceChange(Tf.PlanResourceChange.Types.Request request, ServerCallContext context) =>
        server.PlanResourceChangeAsync(request, context.CancellationToken);

    public override Task<Tf.ApplyResourceChange.Types.Response> ApplyResourceChange(Tf.ApplyResourceChange.Types.Request request, ServerCallContext context) =>
        server.ApplyResourceChangeAsync(request, context.CancellationToken);

    public override Task<Tf.ImportResourceState.Types.Response> ImportResourceState(Tf.ImportResourceState.Types.Request request, ServerCallContext context) =>
        server.ImportResourceStateAsync(request, context.CancellationToken);

    public override Task<Tf.ReadDataSource.Types.Response> ReadDataSource(Tf.ReadDataSource.Types.Request request, ServerCallContext context) =>
        server.ReadDataSourceAsync(request, context.CancellationToken);

    public override Task<Tf.StopProvider.Types.Response> StopProvider(Tf.StopProvider.Types.Request request, ServerCallContext context) =>
        server.StopProviderAsync(request, context.CancellationToken);
}

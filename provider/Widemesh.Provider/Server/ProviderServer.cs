using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Server;

/// <summary>
/// The provider: one async method per tfplugin6 RPC, taking the protobuf request and returning the
/// response. Usable in-process (the mesh CLI's engine calls it directly) and behind gRPC
/// (<see cref="Rpc.ProviderGrpcService"/>). Thread-safe: Terraform issues RPCs concurrently.
/// User-facing problems come back as diagnostics; only bugs throw.
/// </summary>
internal sealed partial class ProviderServer : IDisposable
{
    private readonly ProviderRegistry _registry;
    private readonly ProviderServerOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private PlatformConnection _platform = PlatformConnection.CreateUnconfigured();
    private CancellationTokenSource _stop = new();

    public ProviderServer(ProviderServerOptions? options = null, ProviderRegistry? registry = null)
    {
        _options = options ?? new ProviderServerOptions();
        _registry = registry ?? ProviderRegistry.Default;
        _logger = _options.Logger ?? NullLogger.Instance;
    }

    /// <summary>The platform connection made by the last ConfigureProvider.</summary>
    internal PlatformConnection Platform
    {
        get
        {
            lock (_gate)
            {
                return _platform;
            }
        }
    }

    public Task<Tf.GetMetadata.Types.Response> GetMetadataAsync(Tf.GetMetadata.Types.Request request, CancellationToken cancellationToken)
    {
        var response = new Tf.GetMetadata.Types.Response { ServerCapabilities = Capabilities() };
        response.Resources.AddRange(_registry.Resources.Keys.Select(t => new Tf.GetMetadata.Types.ResourceMetadata { TypeName = t }));
        response.DataSources.AddRange(_registry.DataSources.Keys.Select(t => new Tf.GetMetadata.Types.DataSourceMetadata { TypeName = t }));
        return Task.FromResult(response);
    }

    public Task<Tf.GetProviderSchema.Types.Response> GetProviderSchemaAsync(Tf.GetProviderSchema.Types.Request request, CancellationToken cancellationToken)
    {
        var response = new Tf.GetProviderSchema.Types.Response
        {
            Provider = ProviderConfigSchema.Schema.ToProto(),
            ServerCapabilities = Capabilities(),
        };
        foreach (var (name, resource) in _registry.Resources)
        {
            response.ResourceSchemas.Add(name, resource.Schema.ToProto());
        }

        foreach (var (name, dataSource) in _registry.DataSources)
        {
            response.DataSourceSchemas.Add(name, dataSource.Schema.ToProto());
        }

        return Task.FromResult(response);
    }

    /// <summary>Widemesh resources have no identity schema; Terraform accepts an empty answer.</summary>
    public Task<Tf.GetResourceIdentitySchemas.Types.Response> GetResourceIdentitySchemasAsync(
        Tf.GetResourceIdentitySchemas.Types.Request request, CancellationToken cancellationToken) =>
        Task.FromResult(new Tf.GetResourceIdentitySchemas.Types.Response());

    /// <summary>Cancels in-flight work (Ctrl-C in Terraform). The process keeps serving.</summary>
    public Task<Tf.StopProvider.Types.Response> StopProviderAsync(Tf.StopProvider.Types.Request request, CancellationToken cancellationToken)
    {
        Log.Stopping(_logger);
        CancellationTokenSource previous;
        lock (_gate)
        {
            previous = _stop;
            _stop = new CancellationTokenSource();
        }

        previous.Cancel();
        previous.Dispose();
        return Task.FromResult(new Tf.StopProvider.Types.Response());
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _platform.Client?.Dispose();
            _platform = PlatformConnection.CreateUnconfigured();
            _stop.Dispose();
        }
    }

    internal static Tf.DynamicValue Encode(CtyValue value, CtyType type) =>
        new() { Msgpack = ByteString.CopyFrom(CtyMsgPack.Encode(value, type)) };

    /// <summary>Decodes a DynamicValue (msgpack, else JSON, else null); a malformed one becomes a diagnostic.</summary>
    internal static bool TryDecode(
        Tf.DynamicValue? dynamicValue, CtyType type, string operation, string what, ICollection<Tf.Diagnostic> diagnostics, out CtyValue value)
    {
        try
        {
            if (dynamicValue is null || (dynamicValue.Msgpack.IsEmpty && dynamicValue.Json.IsEmpty))
            {
                value = CtyValue.Null(type);
            }
            else if (!dynamicValue.Msgpack.IsEmpty)
            {
                value = CtyMsgPack.Decode(dynamicValue.Msgpack.Span, type);
            }
            else
            {
                value = CtyJson.Decode(dynamicValue.Json.Span, type);
            }

            return true;
        }
        catch (CtyFormatException ex)
        {
            diagnostics.Add(ProviderDiagnostics.MalformedValue(operation, what, ex));
            value = CtyValue.Null(type);
            return false;
        }
    }

    private static Tf.ServerCapabilities Capabilities() => new() { PlanDestroy = true, GetProviderSchemaOptional = true };

    /// <summary>A token cancelled by the caller or by StopProvider.</summary>
    private CancellationTokenSource Link(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        }
    }
}

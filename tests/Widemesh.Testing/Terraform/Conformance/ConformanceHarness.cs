using Google.Protobuf;
using Grpc.Core;
using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Plugin;
using Widemesh.Testing.Terraform.Protocol.GoPlugin;
using Widemesh.Testing.Terraform.Schema;
using Proto = Widemesh.Testing.Terraform.Protocol.Tfplugin6;

namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>
/// Plays Terraform core against one launched provider process (one graph walk): the same RPCs in the same order
/// with the same values (protocol doc §4.1–4.2), and every answer checked with Terraform's rules (§4.3–4.8).
/// A broken rule throws <see cref="ConformanceException"/> titled like Terraform's error.
/// </summary>
public sealed partial class ConformanceHarness : IAsyncDisposable
{
    public const string TerraformVersion = "1.11.4";

    private readonly List<string> _calls = [];
    private readonly Lock _callsLock = new();
    private readonly CancellationTokenSource _streams = new();
    private AsyncServerStreamingCall<StdioData>? _stdio;
    private AsyncDuplexStreamingCall<ConnInfo, ConnInfo>? _broker;
    private Task _drain = Task.CompletedTask;

    private ConformanceHarness(PluginProcess plugin, ProviderSchemas schemas)
    {
        Plugin = plugin;
        Schemas = schemas;
    }

    public PluginProcess Plugin { get; }

    public ProviderSchemas Schemas { get; }

    /// <summary>The RPCs issued so far, in order.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_callsLock)
            {
                return [.. _calls];
            }
        }
    }

    public Proto.Provider.ProviderClient Provider => Plugin.Provider;

    public static async Task<ConformanceHarness> StartAsync(PluginLaunchOptions options, CancellationToken cancellationToken)
    {
        var plugin = await PluginProcess.StartAsync(options, cancellationToken);
        try
        {
            var schemas = await FetchSchemasAsync(plugin.Provider, cancellationToken);
            var harness = new ConformanceHarness(plugin, schemas);
            harness.ConnectLikeGoPlugin(cancellationToken);
            harness.Record("GetProviderSchema");
            harness.Record("GetResourceIdentitySchemas");
            return harness;
        }
        catch
        {
            await plugin.DisposeAsync();
            throw;
        }
    }

    public static async Task<ProviderSchemas> FetchSchemasAsync(Proto.Provider.ProviderClient provider, CancellationToken cancellationToken)
    {
        var response = await CallAsync("GetProviderSchema", () => provider.GetProviderSchemaAsync(new Proto.GetProviderSchema.Types.Request(), cancellationToken: cancellationToken));
        var diagnostics = ProtoConversions.FromProto(response.Diagnostics, "GetProviderSchema");
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new ConformanceException(TerraformErrors.InvalidSchema, "GetProviderSchema returned errors: " + string.Join("; ", diagnostics));
        }

        if (response.Provider is null)
        {
            throw new ConformanceException(TerraformErrors.MissingProviderSchema, "GetProviderSchema.Response.provider is nil");
        }

        var schemas = new ProviderSchemas(
            ProtoConversions.FromProto(response.Provider, "provider"),
            response.ResourceSchemas.ToDictionary(r => r.Key, r => ProtoConversions.FromProto(r.Value, r.Key)),
            response.DataSourceSchemas.ToDictionary(r => r.Key, r => ProtoConversions.FromProto(r.Value, r.Key)),
            response.ServerCapabilities?.PlanDestroy ?? false,
            response.ServerCapabilities?.GetProviderSchemaOptional ?? false);
        ResponseChecks.CheckSchemas(schemas);

        try
        {
            await provider.GetResourceIdentitySchemasAsync(new Proto.GetResourceIdentitySchemas.Types.Request(), cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            // Terraform tolerates Unimplemented here.
        }

        return schemas;
    }

    public async Task<IReadOnlyList<HarnessDiagnostic>> ValidateProviderConfigAsync(CtyValue config, CancellationToken cancellationToken)
    {
        var type = Schemas.Provider.Block.ImpliedType();
        var response = await InvokeAsync("ValidateProviderConfig", () => Provider.ValidateProviderConfigAsync(
            new Proto.ValidateProviderConfig.Types.Request { Config = ProtoConversions.ToDynamic(config, type) }, cancellationToken: cancellationToken));
        return Diagnostics("ValidateProviderConfig", response.Diagnostics, type);
    }

    public async Task<IReadOnlyList<HarnessDiagnostic>> ConfigureProviderAsync(CtyValue config, CancellationToken cancellationToken)
    {
        var type = Schemas.Provider.Block.ImpliedType();
        var response = await InvokeAsync("ConfigureProvider", () => Provider.ConfigureProviderAsync(new Proto.ConfigureProvider.Types.Request
        {
            TerraformVersion = TerraformVersion,
            Config = ProtoConversions.ToDynamic(config, type),
            ClientCapabilities = Capabilities(),
        }, cancellationToken: cancellationToken));
        return Diagnostics("ConfigureProvider", response.Diagnostics, type);
    }

    public async Task<IReadOnlyList<HarnessDiagnostic>> ValidateResourceConfigAsync(string typeName, CtyValue config, CancellationToken cancellationToken)
    {
        var type = Schemas.Resource(typeName).Block.ImpliedType();
        var response = await InvokeAsync("ValidateResourceConfig", () => Provider.ValidateResourceConfigAsync(new Proto.ValidateResourceConfig.Types.Request
        {
            TypeName = typeName,
            Config = ProtoConversions.ToDynamic(config, type),
            ClientCapabilities = Capabilities(),
        }, cancellationToken: cancellationToken));
        return Diagnostics("ValidateResourceConfig", response.Diagnostics, type);
    }

    public async Task<IReadOnlyList<HarnessDiagnostic>> ValidateDataResourceConfigAsync(string typeName, CtyValue config, CancellationToken cancellationToken)
    {
        var type = Schemas.DataSource(typeName).Block.ImpliedType();
        var response = await InvokeAsync("ValidateDataResourceConfig", () => Provider.ValidateDataResourceConfigAsync(new Proto.ValidateDataResourceConfig.Types.Request
        {
            TypeName = typeName,
            Config = ProtoConversions.ToDynamic(config, type),
        }, cancellationToken: cancellationToken));
        return Diagnostics("ValidateDataResourceConfig", response.Diagnostics, type);
    }

    public async ValueTask DisposeAsync()
    {
        await Plugin.DisposeAsync();
        await _streams.CancelAsync();
        await _drain;
        _stdio?.Dispose();
        _broker?.Dispose();
        _streams.Dispose();
    }

    private void ConnectLikeGoPlugin(CancellationToken cancellationToken)
    {
        // go-plugin opens the stdio and broker streams right after connecting and keeps them for the process's
        // life; errors are tolerated. The provider must still exit promptly on Shutdown with them open.
        _stdio = Plugin.Stdio.StreamStdio(new Google.Protobuf.WellKnownTypes.Empty(), cancellationToken: _streams.Token);
        _broker = new GRPCBroker.GRPCBrokerClient(Plugin.Channel).StartStream(cancellationToken: _streams.Token);
        var stdio = _stdio;
        _drain = Task.Run(async () =>
        {
            try
            {
                while (await stdio.ResponseStream.MoveNext(_streams.Token))
                {
                    // Terraform logs anything sent here as "unexpected data"; nothing to check.
                }
            }
            catch (RpcException)
            {
                // Unimplemented / Unavailable / Cancelled are all tolerated.
            }
            catch (OperationCanceledException)
            {
                // Harness closing.
            }
        }, cancellationToken);
    }

    private static async Task<T> CallAsync<T>(string method, Func<AsyncUnaryCall<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            var summary = ex.StatusCode switch
            {
                StatusCode.Unavailable => "Plugin did not respond",
                StatusCode.Unimplemented => "Unsupported plugin method",
                _ => TerraformErrors.PluginError,
            };
            throw new ConformanceException(summary, $"The plugin returned an unexpected error from plugin6.(*GRPCProvider).{method}: {ex.Status}; report problems as diagnostics, not gRPC errors");
        }
    }

    private static Proto.ClientCapabilities Capabilities() => new() { DeferralAllowed = false, WriteOnlyAttributesAllowed = true };

    private static void ThrowOnErrors(string rpc, IReadOnlyList<HarnessDiagnostic> diagnostics)
    {
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"{rpc} returned errors: " + string.Join("; ", diagnostics));
        }
    }

    private Task<T> InvokeAsync<T>(string method, Func<AsyncUnaryCall<T>> call)
    {
        Record(method);
        return CallAsync(method, call);
    }

    private IReadOnlyList<HarnessDiagnostic> Diagnostics(string rpc, IEnumerable<Proto.Diagnostic> diagnostics, CtyType configType)
    {
        var converted = ProtoConversions.FromProto(diagnostics, rpc);
        ResponseChecks.CheckDiagnosticPaths(rpc, configType, converted);
        return converted;
    }

    private void Record(string rpc)
    {
        lock (_callsLock)
        {
            _calls.Add(rpc);
        }
    }
}

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
public sealed class ConformanceHarness : IAsyncDisposable
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

    /// <summary>UpgradeResourceState with the state's JSON, as Terraform does for every instance read from state.</summary>
    public async Task<ResourceState> UpgradeResourceStateAsync(string typeName, ResourceState state, CancellationToken cancellationToken)
    {
        var schema = Schemas.Resource(typeName);
        var json = CtyJson.Encode(state.Value, schema.Block.ImpliedType());
        var (upgraded, diagnostics) = await UpgradeRawAsync(typeName, state.SchemaVersion, json, cancellationToken);
        ThrowOnErrors("UpgradeResourceState", diagnostics);
        return new ResourceState(upgraded, state.Private, schema.Version);
    }

    public async Task<(CtyValue Upgraded, IReadOnlyList<HarnessDiagnostic> Diagnostics)> UpgradeRawAsync(string typeName, long version, byte[] json, CancellationToken cancellationToken)
    {
        var schema = Schemas.Resource(typeName);
        var response = await InvokeAsync("UpgradeResourceState", () => Provider.UpgradeResourceStateAsync(new Proto.UpgradeResourceState.Types.Request
        {
            TypeName = typeName,
            Version = version,
            RawState = new Proto.RawState { Json = ByteString.CopyFrom(json) },
        }, cancellationToken: cancellationToken));
        var diagnostics = ProtoConversions.FromProto(response.Diagnostics, "UpgradeResourceState");
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return (CtyValue.Null(schema.Block.ImpliedType()), diagnostics);
        }

        var upgraded = ProtoConversions.FromDynamic(response.UpgradedState, schema.Block.ImpliedType(), TerraformErrors.InvalidUpgrade, $"the upgraded state of {typeName}");
        ResponseChecks.CheckUpgradeResult(typeName, schema, upgraded);
        return (upgraded, diagnostics);
    }

    /// <summary>ReadResource; a null result means the object is gone (returns null).</summary>
    public async Task<ResourceState?> ReadResourceAsync(string typeName, ResourceState state, CancellationToken cancellationToken)
    {
        var (result, diagnostics) = await TryReadResourceAsync(typeName, state, cancellationToken);
        ThrowOnErrors("ReadResource", diagnostics);
        return result;
    }

    public async Task<(ResourceState? State, IReadOnlyList<HarnessDiagnostic> Diagnostics)> TryReadResourceAsync(string typeName, ResourceState state, CancellationToken cancellationToken)
    {
        var schema = Schemas.Resource(typeName);
        var type = schema.Block.ImpliedType();
        var response = await InvokeAsync("ReadResource", () => Provider.ReadResourceAsync(new Proto.ReadResource.Types.Request
        {
            TypeName = typeName,
            CurrentState = ProtoConversions.ToDynamic(state.Value, type),
            Private = ByteString.CopyFrom(state.Private),
            ClientCapabilities = Capabilities(),
        }, cancellationToken: cancellationToken));
        var diagnostics = ProtoConversions.FromProto(response.Diagnostics, "ReadResource");
        if (response.Deferred is not null)
        {
            throw new ConformanceException(TerraformErrors.InvalidObject, $"ReadResource for {typeName} was deferred although deferral is not allowed");
        }

        var newState = ProtoConversions.FromDynamic(response.NewState, type, TerraformErrors.InvalidObject, $"the state of {typeName} during refresh");
        ResponseChecks.CheckReadResult(typeName, schema, newState);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return (newState.IsNull ? null : new ResourceState(newState, response.Private.ToByteArray(), schema.Version), diagnostics);
        }

        if (newState.IsNull)
        {
            return (null, diagnostics);
        }

        ResponseChecks.CheckPrivatePassthrough("ReadResource", state.Private, response.Private.ToByteArray());
        return (new ResourceState(newState, response.Private.ToByteArray(), schema.Version), diagnostics);
    }

    /// <summary>
    /// PlanResourceChange like Terraform: proposed_new_state built with ProposedNew, the answer checked with
    /// AssertPlanValid and the requires_replace rules, and a second call with a null prior for a replace.
    /// With error diagnostics the plan is returned unchecked (Terraform stops there too).
    /// </summary>
    public async Task<PlanResult> PlanResourceChangeAsync(string typeName, ResourceState? prior, CtyValue config, CancellationToken cancellationToken)
    {
        var schema = Schemas.Resource(typeName);
        var type = schema.Block.ImpliedType();
        var priorValue = prior?.Value ?? CtyValue.Null(type);
        var proposed = ProposedNewState.Build(schema.Block, priorValue, config);
        var response = await SendPlanAsync(typeName, priorValue, proposed, config, prior?.Private ?? [], cancellationToken);
        var diagnostics = Diagnostics("PlanResourceChange", response.Diagnostics, type);
        var planned = ProtoConversions.FromDynamic(response.PlannedState, type, TerraformErrors.InvalidPlan, $"the planned state of {typeName}");
        var requiresReplace = response.RequiresReplace.Select(ProtoConversions.FromProto).ToList();
        var plannedPrivate = response.PlannedPrivate.ToByteArray();
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new PlanResult(PlannedAction.NoOp, priorValue, config, proposed, planned, plannedPrivate, requiresReplace, diagnostics);
        }

        var (action, replace) = ResponseChecks.CheckPlan(typeName, schema, priorValue, config, planned, requiresReplace,
            response.LegacyTypeSystem, response.Deferred is not null, deferralAllowed: false);
        var result = new PlanResult(action, priorValue, config, proposed, planned, plannedPrivate, replace, diagnostics);
        if (action != PlannedAction.Replace)
        {
            return result;
        }

        var nullPrior = CtyValue.Null(type);
        var replacementProposed = ProposedNewState.Build(schema.Block, nullPrior, config);
        var second = await SendPlanAsync(typeName, nullPrior, replacementProposed, config, plannedPrivate, cancellationToken);
        var secondDiagnostics = Diagnostics("PlanResourceChange", second.Diagnostics, type);
        var secondPlanned = ProtoConversions.FromDynamic(second.PlannedState, type, TerraformErrors.InvalidPlan, $"the replacement plan of {typeName}");
        return result with
        {
            Replacement = new PlanResult(PlannedAction.Create, nullPrior, config, replacementProposed, secondPlanned, second.PlannedPrivate.ToByteArray(), [], secondDiagnostics),
        };
    }

    /// <summary>
    /// The apply walk for one instance: ValidateResourceConfig, the final re-plan checked against the saved plan,
    /// then ApplyResourceChange (delete + create for a replace) with every result check.
    /// </summary>
    public async Task<ApplyResult> ApplyAsync(string typeName, ResourceState? prior, PlanResult saved, CancellationToken cancellationToken)
    {
        var schema = Schemas.Resource(typeName);
        var type = schema.Block.ImpliedType();
        if (saved.HasErrors)
        {
            throw new InvalidOperationException("cannot apply a plan that has errors: " + string.Join("; ", saved.Diagnostics));
        }

        if (saved.Action == PlannedAction.Delete)
        {
            return await ApplyDeleteAsync(typeName, prior!, saved.PlannedPrivate, cancellationToken);
        }

        var diagnostics = new List<HarnessDiagnostic>(await ValidateResourceConfigAsync(typeName, saved.Config, cancellationToken));
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new ApplyResult(prior, diagnostics);
        }

        var final = await PlanResourceChangeAsync(typeName, prior, saved.Config, cancellationToken);
        diagnostics.AddRange(final.Diagnostics);
        if (final.HasErrors)
        {
            return new ApplyResult(prior, diagnostics);
        }

        ResponseChecks.CheckFinalPlan(typeName, schema, saved, final);
        if (final.Action == PlannedAction.NoOp)
        {
            return new ApplyResult(prior, diagnostics);
        }

        if (final.Action == PlannedAction.Replace)
        {
            var deleted = await ApplyDeleteAsync(typeName, prior!, prior!.Private, cancellationToken);
            diagnostics.AddRange(deleted.Diagnostics);
            if (deleted.HasErrors)
            {
                return new ApplyResult(prior, diagnostics);
            }

            final = final.Replacement ?? throw new ConformanceException(TerraformErrors.InvalidPlan, "a replace plan without its replacement plan");
            prior = null;
        }

        var priorValue = prior?.Value ?? CtyValue.Null(type);
        var response = await InvokeAsync("ApplyResourceChange", () => Provider.ApplyResourceChangeAsync(new Proto.ApplyResourceChange.Types.Request
        {
            TypeName = typeName,
            PriorState = ProtoConversions.ToDynamic(priorValue, type),
            PlannedState = ProtoConversions.ToDynamic(final.Planned, type),
            Config = ProtoConversions.ToDynamic(final.Config, type),
            PlannedPrivate = ByteString.CopyFrom(final.PlannedPrivate),
        }, cancellationToken: cancellationToken));
        var applyDiagnostics = Diagnostics("ApplyResourceChange", response.Diagnostics, type);
        diagnostics.AddRange(applyDiagnostics);
        if (response.LegacyTypeSystem)
        {
            throw new ConformanceException(TerraformErrors.InvalidResultObject, $"{typeName}: legacy_type_system is set on the apply result; it must stay false");
        }

        var newState = ProtoConversions.FromDynamic(response.NewState, type, TerraformErrors.InvalidObject, $"the new state of {typeName} after apply (cannot be saved)");
        var hasErrors = applyDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        ResponseChecks.CheckApplyResult(typeName, schema, final.Action == PlannedAction.Update ? PlannedAction.Update : PlannedAction.Create, final.Planned, newState, hasErrors);
        if (!hasErrors)
        {
            ResponseChecks.CheckPrivatePassthrough("ApplyResourceChange", final.PlannedPrivate, response.Private.ToByteArray());
        }

        var state = newState.IsNull ? (hasErrors ? prior : null) : new ResourceState(newState, response.Private.ToByteArray(), schema.Version);
        return new ApplyResult(state, diagnostics);
    }

    /// <summary>A destroy as Terraform runs it: a destroy plan (when plan_destroy) then ApplyResourceChange with planned null.</summary>
    public async Task<ApplyResult> DestroyAsync(string typeName, ResourceState prior, CancellationToken cancellationToken)
    {
        var plan = await PlanDestroyAsync(typeName, prior, cancellationToken);
        return plan.HasErrors ? new ApplyResult(prior, plan.Diagnostics) : await ApplyAsync(typeName, prior, plan, cancellationToken);
    }

    public async Task<PlanResult> PlanDestroyAsync(string typeName, ResourceState prior, CancellationToken cancellationToken)
    {
        var schema = Schemas.Resource(typeName);
        var type = schema.Block.ImpliedType();
        var nullValue = CtyValue.Null(type);
        if (!Schemas.PlanDestroy)
        {
            return new PlanResult(PlannedAction.Delete, prior.Value, nullValue, nullValue, nullValue, prior.Private, [], []);
        }

        var response = await SendPlanAsync(typeName, prior.Value, nullValue, nullValue, prior.Private, cancellationToken);
        var diagnostics = Diagnostics("PlanResourceChange", response.Diagnostics, type);
        var planned = ProtoConversions.FromDynamic(response.PlannedState, type, TerraformErrors.InvalidPlan, $"the destroy plan of {typeName}");
        if (!diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            ResponseChecks.CheckPlan(typeName, schema, prior.Value, nullValue, planned, [], response.LegacyTypeSystem, response.Deferred is not null, deferralAllowed: false);
        }

        return new PlanResult(PlannedAction.Delete, prior.Value, nullValue, nullValue, planned, response.PlannedPrivate.ToByteArray(), [], diagnostics);
    }

    /// <summary>`terraform import`: ImportResourceState then ReadResource of the imported object (§4.1, §4.7).</summary>
    public async Task<(ResourceState? State, IReadOnlyList<HarnessDiagnostic> Diagnostics)> ImportAsync(string typeName, string id, CancellationToken cancellationToken)
    {
        var schema = Schemas.Resource(typeName);
        var type = schema.Block.ImpliedType();
        var response = await InvokeAsync("ImportResourceState", () => Provider.ImportResourceStateAsync(new Proto.ImportResourceState.Types.Request
        {
            TypeName = typeName,
            Id = id,
            ClientCapabilities = Capabilities(),
        }, cancellationToken: cancellationToken));
        var diagnostics = ProtoConversions.FromProto(response.Diagnostics, "ImportResourceState");
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return (null, diagnostics);
        }

        var imported = response.ImportedResources
            .Select(r => (r.TypeName, State: ProtoConversions.FromDynamic(r.State, type, TerraformErrors.InvalidObject, $"the imported {typeName}"), Private: r.Private.ToByteArray()))
            .ToList();
        ResponseChecks.CheckImportResult(typeName, [.. imported.Select(i => (i.TypeName, i.State))], response.Deferred is not null);
        var importedState = new ResourceState(imported[0].State, imported[0].Private, schema.Version);
        var (read, readDiagnostics) = await TryReadResourceAsync(typeName, importedState, cancellationToken);
        var all = diagnostics.Concat(readDiagnostics).ToList();
        if (read is null && !readDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new ConformanceException(TerraformErrors.ImportNonExistent, $"While attempting to import an existing object to {typeName} with id \"{id}\", the provider detected that no object exists with the given id.");
        }

        return (read, all);
    }

    public async Task<(CtyValue State, IReadOnlyList<HarnessDiagnostic> Diagnostics)> ReadDataSourceAsync(string typeName, CtyValue config, CancellationToken cancellationToken)
    {
        var schema = Schemas.DataSource(typeName);
        var type = schema.Block.ImpliedType();
        var response = await InvokeAsync("ReadDataSource", () => Provider.ReadDataSourceAsync(new Proto.ReadDataSource.Types.Request
        {
            TypeName = typeName,
            Config = ProtoConversions.ToDynamic(config, type),
            ClientCapabilities = Capabilities(),
        }, cancellationToken: cancellationToken));
        var diagnostics = Diagnostics("ReadDataSource", response.Diagnostics, type);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return (CtyValue.Null(type), diagnostics);
        }

        var state = ProtoConversions.FromDynamic(response.State, type, TerraformErrors.InvalidObject, $"the value of data source {typeName}");
        ResponseChecks.CheckDataSourceResult(typeName, schema, state);
        return (state, diagnostics);
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

    private Task<Proto.PlanResourceChange.Types.Response> SendPlanAsync(string typeName, CtyValue prior, CtyValue proposed, CtyValue config, byte[] priorPrivate, CancellationToken cancellationToken)
    {
        var type = Schemas.Resource(typeName).Block.ImpliedType();
        return InvokeAsync("PlanResourceChange", () => Provider.PlanResourceChangeAsync(new Proto.PlanResourceChange.Types.Request
        {
            TypeName = typeName,
            PriorState = ProtoConversions.ToDynamic(prior, type),
            ProposedNewState = ProtoConversions.ToDynamic(proposed, type),
            Config = ProtoConversions.ToDynamic(config, type),
            PriorPrivate = ByteString.CopyFrom(priorPrivate),
            ClientCapabilities = Capabilities(),
        }, cancellationToken: cancellationToken));
    }

    private async Task<ApplyResult> ApplyDeleteAsync(string typeName, ResourceState prior, byte[] plannedPrivate, CancellationToken cancellationToken)
    {
        var schema = Schemas.Resource(typeName);
        var type = schema.Block.ImpliedType();
        var nullValue = CtyValue.Null(type);
        var response = await InvokeAsync("ApplyResourceChange", () => Provider.ApplyResourceChangeAsync(new Proto.ApplyResourceChange.Types.Request
        {
            TypeName = typeName,
            PriorState = ProtoConversions.ToDynamic(prior.Value, type),
            PlannedState = ProtoConversions.ToDynamic(nullValue, type),
            Config = ProtoConversions.ToDynamic(nullValue, type),
            PlannedPrivate = ByteString.CopyFrom(plannedPrivate),
        }, cancellationToken: cancellationToken));
        var diagnostics = Diagnostics("ApplyResourceChange", response.Diagnostics, type);
        var newState = ProtoConversions.FromDynamic(response.NewState, type, TerraformErrors.InvalidObject, $"the new state of {typeName} after delete");
        var hasErrors = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        ResponseChecks.CheckApplyResult(typeName, schema, PlannedAction.Delete, nullValue, newState, hasErrors);
        return new ApplyResult(hasErrors ? (newState.IsNull ? prior : new ResourceState(newState, response.Private.ToByteArray(), schema.Version)) : null, diagnostics);
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

using Google.Protobuf;
using Grpc.Core;
using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Plugin;
using Widemesh.Testing.Terraform.Protocol.GoPlugin;
using Widemesh.Testing.Terraform.Schema;
using Proto = Widemesh.Testing.Terraform.Protocol.Tfplugin6;

namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>State RPCs: upgrade, refresh, import and data sources, each answer checked (§4.7–4.8).</summary>
public sealed partial class ConformanceHarness
{
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
}

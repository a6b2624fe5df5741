using System.Text.Json.Nodes;
using Google.Protobuf;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Engine.State;
using Widemesh.Provider.Cty;
using Widemesh.Provider.Server;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>
/// The provider, in process, called the way Terraform core calls it: values go in and out as msgpack
/// DynamicValues per the announced schema, and error diagnostics stop the run with their message.
/// </summary>
internal sealed class ProviderSession : IDisposable
{
    private readonly ProviderServer _server;
    private readonly Dictionary<string, ResourceTypeSchema> _schemas = new(StringComparer.Ordinal);

    private ProviderSession(ProviderServer server)
    {
        _server = server;
    }

    public static async Task<ProviderSession> StartAsync(ConnectionSettings connection, WorkspaceConfig config, CancellationToken cancellationToken)
    {
        var server = new ProviderServer(new ProviderServerOptions
        {
            GetEnvironmentVariable = name => name switch
            {
                "WIDEMESH_ENDPOINT" => connection.Endpoint.ToString(),
                "WIDEMESH_TOKEN" => connection.Token,
                _ => null,
            },
        });
        var session = new ProviderSession(server);
        try
        {
            var schema = await server.GetProviderSchemaAsync(new Tf.GetProviderSchema.Types.Request(), cancellationToken);
            ProviderDiagnosticsReport.ThrowOnErrors(schema.Diagnostics, "the widemesh provider schema");
            foreach (var (typeName, resourceSchema) in schema.ResourceSchemas)
            {
                session._schemas[typeName] = ResourceTypeSchema.From(typeName, resourceSchema);
            }

            var providerSchema = ResourceTypeSchema.From("provider", schema.Provider);
            var providerConfig = CtyValue.Object(providerSchema.Type, providerSchema.Attributes.Select(a => KeyValuePair.Create(
                a.Name,
                a.Name switch
                {
                    "endpoint" => CtyValue.StringOrNull(config.Endpoint),
                    "token" => CtyValue.StringOrNull(config.Token),
                    _ => CtyValue.Null(providerSchema.TypeOf(a.Name)),
                })));
            var validate = await server.ValidateProviderConfigAsync(new Tf.ValidateProviderConfig.Types.Request { Config = Encode(providerConfig, providerSchema.Type) }, cancellationToken);
            ProviderDiagnosticsReport.ThrowOnErrors(validate.Diagnostics, "provider[\"widemesh\"]");
            var configure = await server.ConfigureProviderAsync(
                new Tf.ConfigureProvider.Types.Request { TerraformVersion = StateFile.EngineTerraformVersion, Config = Encode(providerConfig, providerSchema.Type) },
                cancellationToken);
            ProviderDiagnosticsReport.ThrowOnErrors(configure.Diagnostics, "provider[\"widemesh\"]");
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public ResourceTypeSchema? Schema(string typeName) => _schemas.GetValueOrDefault(typeName);

    /// <summary>The resource types the provider offers, sorted.</summary>
    public IReadOnlyList<string> ResourceTypes => [.. _schemas.Keys.Order(StringComparer.Ordinal)];

    /// <summary>UpgradeResourceState then ReadResource; null when the resource is gone from the platform.</summary>
    public async Task<(CtyValue State, ByteString Private)> RefreshAsync(ResourceTypeSchema schema, string address, StateInstance instance, CancellationToken cancellationToken)
    {
        var upgrade = await _server.UpgradeResourceStateAsync(
            new Tf.UpgradeResourceState.Types.Request
            {
                TypeName = schema.TypeName,
                Version = instance.SchemaVersion,
                RawState = new Tf.RawState { Json = ByteString.CopyFromUtf8(instance.Attributes.ToJsonString()) },
            },
            cancellationToken);
        ProviderDiagnosticsReport.ThrowOnErrors(upgrade.Diagnostics, address);
        var priv = instance.Private is { Length: > 0 } text ? ByteString.FromBase64(text) : ByteString.Empty;
        return await ReadAsync(schema, address, upgrade.UpgradedState, priv, cancellationToken);
    }

    public async Task<(CtyValue State, ByteString Private)> ImportAsync(ResourceTypeSchema schema, string address, string id, CancellationToken cancellationToken)
    {
        var import = await _server.ImportResourceStateAsync(new Tf.ImportResourceState.Types.Request { TypeName = schema.TypeName, Id = id }, cancellationToken);
        ProviderDiagnosticsReport.ThrowOnErrors(import.Diagnostics, $"the import of {address} (id \"{id}\")");
        var imported = import.ImportedResources.FirstOrDefault(r => r.TypeName == schema.TypeName)
            ?? throw new CliException(ExitCodes.NotFound, $"Cannot import {address}: the provider found nothing with id \"{id}\".", "not-found");
        var (state, priv) = await ReadAsync(schema, address, imported.State, imported.Private, cancellationToken);
        return state.IsNull
            ? throw new CliException(ExitCodes.NotFound, $"Cannot import {address}: \"{id}\" does not exist on the platform.", "not-found")
            : (state, priv);
    }

    public async Task ValidateAsync(ResourceTypeSchema schema, string address, CtyValue config, Func<Tf.AttributePath?, string?> locate, CancellationToken cancellationToken)
    {
        var response = await _server.ValidateResourceConfigAsync(
            new Tf.ValidateResourceConfig.Types.Request { TypeName = schema.TypeName, Config = Encode(config, schema.Type) },
            cancellationToken);
        ProviderDiagnosticsReport.ThrowOnErrors(response.Diagnostics, address, locate);
    }

    public async Task<(CtyValue Planned, ByteString Private, IReadOnlyList<string> RequiresReplace)> PlanAsync(
        ResourceTypeSchema schema, string address, CtyValue prior, ByteString priorPrivate, CtyValue config, Func<Tf.AttributePath?, string?> locate, CancellationToken cancellationToken)
    {
        var proposed = config.IsNull ? CtyValue.Null(schema.Type) : ConfigValues.ProposedNew(prior, config, schema);
        var response = await _server.PlanResourceChangeAsync(
            new Tf.PlanResourceChange.Types.Request
            {
                TypeName = schema.TypeName,
                PriorState = Encode(prior, schema.Type),
                ProposedNewState = Encode(proposed, schema.Type),
                Config = Encode(config, schema.Type),
                PriorPrivate = priorPrivate,
            },
            cancellationToken);
        ProviderDiagnosticsReport.ThrowOnErrors(response.Diagnostics, address, locate);
        var planned = Decode(response.PlannedState, schema.Type);
        var replace = response.RequiresReplace.Select(ProviderDiagnosticsReport.FirstAttribute).OfType<string>().Distinct().ToList();
        return (planned, response.PlannedPrivate, replace);
    }

    public async Task<(CtyValue State, ByteString Private)> ApplyAsync(
        ResourceTypeSchema schema, string address, CtyValue prior, CtyValue planned, CtyValue config, ByteString plannedPrivate, CancellationToken cancellationToken)
    {
        var response = await _server.ApplyResourceChangeAsync(
            new Tf.ApplyResourceChange.Types.Request
            {
                TypeName = schema.TypeName,
                PriorState = Encode(prior, schema.Type),
                PlannedState = Encode(planned, schema.Type),
                Config = Encode(config, schema.Type),
                PlannedPrivate = plannedPrivate,
            },
            cancellationToken);
        var state = Decode(response.NewState, schema.Type);
        if (response.Diagnostics.Any(d => d.Severity == Tf.Diagnostic.Types.Severity.Error))
        {
            throw new ApplyFailedException(state, response.Private, response.Diagnostics);
        }

        return (state, response.Private);
    }

    /// <summary>The state file form of a value: go-cty JSON of the object.</summary>
    public static JsonObject ToStateAttributes(CtyValue value, CtyType type) =>
        JsonNode.Parse(CtyJson.Encode(value, type))?.AsObject() ?? [];

    public void Dispose() => _server.Dispose();

    private async Task<(CtyValue State, ByteString Private)> ReadAsync(ResourceTypeSchema schema, string address, Tf.DynamicValue current, ByteString priv, CancellationToken cancellationToken)
    {
        var read = await _server.ReadResourceAsync(
            new Tf.ReadResource.Types.Request { TypeName = schema.TypeName, CurrentState = current, Private = priv },
            cancellationToken);
        ProviderDiagnosticsReport.ThrowOnErrors(read.Diagnostics, address);
        return (Decode(read.NewState, schema.Type), read.Private);
    }

    private static Tf.DynamicValue Encode(CtyValue value, CtyType type) => new() { Msgpack = ByteString.CopyFrom(CtyMsgPack.Encode(value, type)) };

    private static CtyValue Decode(Tf.DynamicValue? value, CtyType type) =>
        value is null || value.Msgpack.IsEmpty ? CtyValue.Null(type) : CtyMsgPack.Decode(value.Msgpack.Span, type);
}

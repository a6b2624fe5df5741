using Google.Protobuf;
using Widemesh.Provider.Cty;
using Widemesh.Provider.Server;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Tests.Server;

/// <summary>
/// Drives a <see cref="ProviderServer"/> in process the way Terraform core would: builds the
/// proposed new state, passes private data along, and decodes answers with the provider's codec.
/// </summary>
internal sealed class ProviderSession(ProviderServer server) : IDisposable
{
    public ProviderServer Server => server;

    public static CtyType TypeOf(string typeName) =>
        ProviderRegistry.Default.Resources.TryGetValue(typeName, out var resource)
            ? resource.Schema.ImpliedType
            : ProviderRegistry.Default.DataSources[typeName].Schema.ImpliedType;

    /// <summary>A configuration as Terraform decodes it: attributes not given are null, nested blocks not given are empty lists.</summary>
    public static CtyValue Config(string typeName, params (string Name, CtyValue Value)[] attributes)
    {
        var blocks = ProviderRegistry.Default.Resources.TryGetValue(typeName, out var resource)
            ? resource.Schema.Block.NestedBlocks
            : ProviderRegistry.Default.DataSources[typeName].Schema.Block.NestedBlocks;
        var given = attributes.Select(a => KeyValuePair.Create(a.Name, a.Value)).ToList();
        given.AddRange(blocks.Where(b => given.All(g => g.Key != b.TypeName)).Select(b => KeyValuePair.Create(b.TypeName, CtyValue.List(b.ElementType, []))));
        return CtyValue.Object(TypeOf(typeName), given);
    }

    public static CtyValue Strings(params string[] items) => CtyValue.List(CtyType.String, items.Select(CtyValue.String));

    public async Task<Tf.ConfigureProvider.Types.Response> ConfigureAsync(CtyValue endpoint, CtyValue token, CancellationToken cancellationToken)
    {
        var type = ProviderConfigSchema.Schema.ImpliedType;
        var config = CtyValue.Object(type, [KeyValuePair.Create("endpoint", endpoint), KeyValuePair.Create("token", token)]);
        return await server.ConfigureProviderAsync(new Tf.ConfigureProvider.Types.Request { TerraformVersion = "1.11.0", Config = ProviderServer.Encode(config, type) }, cancellationToken);
    }

    public async Task<PlanOutcome> PlanAsync(string typeName, CtyValue prior, CtyValue config, CancellationToken cancellationToken, ByteString? priorPrivate = null)
    {
        var type = TypeOf(typeName);
        var response = await server.PlanResourceChangeAsync(new Tf.PlanResourceChange.Types.Request
        {
            TypeName = typeName,
            PriorState = ProviderServer.Encode(prior, type),
            Config = ProviderServer.Encode(config, type),
            ProposedNewState = ProviderServer.Encode(ProposedNew(typeName, prior, config), type),
            PriorPrivate = priorPrivate ?? ByteString.Empty,
        }, cancellationToken);
        return new PlanOutcome(response, Decode(response.PlannedState, type));
    }

    public async Task<ApplyOutcome> ApplyAsync(string typeName, CtyValue prior, CtyValue planned, CtyValue config, CancellationToken cancellationToken, ByteString? plannedPrivate = null)
    {
        var type = TypeOf(typeName);
        var response = await server.ApplyResourceChangeAsync(new Tf.ApplyResourceChange.Types.Request
        {
            TypeName = typeName,
            PriorState = ProviderServer.Encode(prior, type),
            PlannedState = ProviderServer.Encode(planned, type),
            Config = ProviderServer.Encode(config, type),
            PlannedPrivate = plannedPrivate ?? ByteString.Empty,
        }, cancellationToken);
        return new ApplyOutcome(response, Decode(response.NewState, type));
    }

    /// <summary>Plan then apply, failing the test on any error diagnostic.</summary>
    public async Task<CtyValue> CreateAsync(string typeName, CtyValue config, CancellationToken cancellationToken)
    {
        var type = TypeOf(typeName);
        var plan = await PlanAsync(typeName, CtyValue.Null(type), config, cancellationToken);
        Assert.Empty(plan.Response.Diagnostics);
        var apply = await ApplyAsync(typeName, CtyValue.Null(type), plan.Planned, config, cancellationToken);
        Assert.Empty(apply.Response.Diagnostics);
        return apply.NewState;
    }

    public async Task<(Tf.ReadResource.Types.Response Response, CtyValue NewState)> ReadAsync(string typeName, CtyValue current, CancellationToken cancellationToken, ByteString? privateData = null)
    {
        var type = TypeOf(typeName);
        var response = await server.ReadResourceAsync(new Tf.ReadResource.Types.Request
        {
            TypeName = typeName,
            CurrentState = ProviderServer.Encode(current, type),
            Private = privateData ?? ByteString.Empty,
        }, cancellationToken);
        return (response, Decode(response.NewState, type));
    }

    public static CtyValue Decode(Tf.DynamicValue? value, CtyType type)
    {
        var diagnostics = new List<Tf.Diagnostic>();
        Assert.True(ProviderServer.TryDecode(value, type, "test", "Value", diagnostics, out var decoded), string.Join("; ", diagnostics.Select(d => d.Detail)));
        return decoded;
    }

    /// <summary>Terraform's objchange.ProposedNew for flat schemas: computed attributes with null config take the prior value.</summary>
    public static CtyValue ProposedNew(string typeName, CtyValue prior, CtyValue config)
    {
        if (config.IsNull)
        {
            return config;
        }

        var schema = ProviderRegistry.Default.Resources[typeName].Schema.Block;
        var proposed = config;
        foreach (var attribute in schema.Attributes.Where(a => a.Computed))
        {
            if (config[attribute.Name].IsNull)
            {
                proposed = proposed.With(attribute.Name, prior.IsNull ? CtyValue.Null(attribute.Type) : prior[attribute.Name]);
            }
        }

        return proposed;
    }

    public void Dispose() => server.Dispose();
}

using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Provider.Schema;
using Widemesh.Provider.Server;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Naming;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.DataSources;

/// <summary>
/// <c>data "widemesh_dns_propagation"</c>: what each resolver answers for an environment's host name, and whether
/// all answer the ingress of its last rack, so a pipeline can wait before removing the old rack.
/// </summary>
internal sealed class DnsPropagationDataSource : IDataSource
{
    private const string Environment = "environment";
    private const string Resolvers = "resolvers";
    private const string Hostname = "hostname";
    private const string ExpectedAddress = "expected_address";
    private const string Propagated = "propagated";
    private const string Answers = "answers";

    private static readonly CtyType AnswerType = CtyType.Object(
    [
        KeyValuePair.Create("resolver", CtyType.String),
        KeyValuePair.Create("addresses", CtyType.List(CtyType.String)),
        KeyValuePair.Create("ttl", CtyType.Number),
        KeyValuePair.Create("matches", CtyType.Bool),
        KeyValuePair.Create("error", CtyType.String),
    ]);

    public string TypeName => "widemesh_dns_propagation";

    public ResourceSchema Schema { get; } = new(0, new SchemaBlock(
        [
            SchemaAttribute.RequiredString(Environment, "Name of the environment whose host name is checked."),
            new SchemaAttribute(Resolvers, CtyType.List(CtyType.String), "Resolvers to ask, as `IP` or `IP:port`; by default the platform's own DNS server and the system's resolvers.", Optional: true),
            SchemaAttribute.ComputedString(Hostname, "The environment's host name."),
            SchemaAttribute.ComputedString(ExpectedAddress, "The ingress address of the environment's last rack: what every resolver should answer."),
            new SchemaAttribute(Propagated, CtyType.Bool, "True when every resolver answers exactly `expected_address`.", Computed: true),
            new SchemaAttribute(Answers, CtyType.List(AnswerType), "One entry per resolver: `resolver`, the `addresses` it answered, their remaining `ttl` in seconds, whether it `matches`, and the `error` when it gave no answer.", Computed: true),
        ],
        "Checks whether an environment's DNS name has propagated to a set of resolvers (each asked with a 2-second timeout)."));

    public void Validate(CtyValue config, ICollection<Tf.Diagnostic> diagnostics)
    {
        if (AttributeValues.KnownString(config, Environment) is { } name && NameRules.Validate(name, "environment") is { } problem)
        {
            diagnostics.Add(ProviderDiagnostics.Error("Invalid DNS Propagation Data Source Configuration", problem, CtyPath.Attribute(Environment)));
        }
    }

    public async Task<CtyValue?> ReadAsync(CtyValue config, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var name = config[Environment].AsString();
        var resolvers = config[Resolvers] is { IsKnown: true, IsNull: false } list ? list.Elements.Where(e => e.IsKnown && !e.IsNull).Select(e => e.AsString()).ToList() : null;
        try
        {
            var propagation = await platform.Client!.GetDnsPropagationAsync(name, resolvers, cancellationToken);
            return CtyValue.Object(Schema.ImpliedType,
            [
                KeyValuePair.Create(Environment, CtyValue.String(name)),
                KeyValuePair.Create(Resolvers, config[Resolvers]),
                KeyValuePair.Create(Hostname, CtyValue.String(propagation.Hostname)),
                KeyValuePair.Create(ExpectedAddress, CtyValue.String(propagation.ExpectedAddress)),
                KeyValuePair.Create(Propagated, CtyValue.Bool(propagation.Propagated)),
                KeyValuePair.Create(Answers, CtyValue.List(AnswerType, propagation.Resolvers.Select(ToValue))),
            ]);
        }
        catch (WidemeshNotFoundException)
        {
            diagnostics.Add(ProviderDiagnostics.Error(
                "Read DNS Propagation Data Source Error",
                $"The account has no environment named \"{name}\". Check the name (the widemesh_environments data source lists them) or create the environment first.",
                CtyPath.Attribute(Environment)));
            return null;
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Read DNS Propagation Data Source", ex));
            return null;
        }
    }

    private static CtyValue ToValue(ResolverAnswer answer) => CtyValue.Object(AnswerType,
    [
        KeyValuePair.Create("resolver", CtyValue.String(answer.Resolver)),
        KeyValuePair.Create("addresses", CtyValue.List(CtyType.String, answer.Answers.Select(CtyValue.String))),
        KeyValuePair.Create("ttl", answer.Ttl is { } ttl ? CtyValue.Number(ttl) : CtyValue.Null(CtyType.Number)),
        KeyValuePair.Create("matches", CtyValue.Bool(answer.Matches)),
        KeyValuePair.Create("error", CtyValue.StringOrNull(answer.Error)),
    ]);
}

using System.Globalization;
using Widemesh.Provider.Cty;
using Widemesh.Provider.Schema;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Provider.Resources.Environment;

/// <summary>
/// The <c>release</c> attribute and the <c>stack</c> and <c>service</c> blocks of <c>widemesh_environment</c>: their
/// schema, the defaults a plan fills in (always from the configuration, never from the prior state, so removing
/// <c>instances</c> plans 1 again and a plan after apply is empty), and the conversions to and from the API.
/// </summary>
internal static class EnvironmentWorkloads
{
    public const string Release = "release";
    public const string Stack = "stack";
    public const string Service = "service";
    public const string HealthCheck = "health_check";

    public const string ComponentName = "name";
    public const string Command = "command";
    public const string Instances = "instances";
    public const string Port = "port";
    public const string PublicPort = "public_port";
    public const string Variables = "environment";
    public const string CheckPath = "path";
    public const string IntervalSeconds = "interval_seconds";
    public const string TimeoutSeconds = "timeout_seconds";
    public const string GraceSeconds = "grace_seconds";

    private static readonly HealthCheckSpec Defaults = new();

    public static SchemaAttribute ReleaseAttribute { get; } = SchemaAttribute.OptionalString(
        Release,
        "The release (`rel_…`, an uploaded application directory, as `mesh deploy` makes) whose unpacked copy the instances run in. Without it, instances run in an empty working directory. Changing it restarts every instance, in place.");

    public static SchemaNestedBlock HealthCheckBlock { get; } = new(HealthCheck, new SchemaBlock(
        [
            new SchemaAttribute(CheckPath, CtyType.String, "The path of the HTTP `GET` sent to each instance's `port`; a 2xx or 3xx answer means healthy. Starts with `/`. Default `/`.", Optional: true, Computed: true),
            new SchemaAttribute(IntervalSeconds, CtyType.Number, "Seconds between checks (1–300). Default 2.", Optional: true, Computed: true),
            new SchemaAttribute(TimeoutSeconds, CtyType.Number, "Seconds a check may take (1–60). Default 2.", Optional: true, Computed: true),
            new SchemaAttribute(GraceSeconds, CtyType.Number, "Seconds a new instance may take to become healthy before it counts as failed (1–3600). Default 60.", Optional: true, Computed: true),
        ],
        "An HTTP health check of the stack's instances (at most one)."), MaxItems: 1);

    public static SchemaNestedBlock StackBlock { get; } = new(Stack, new SchemaBlock(
        [
            SchemaAttribute.RequiredString(ComponentName, "Name of the stack, a DNS label unique among the environment's stacks and services: the others reach it by this name."),
            SchemaAttribute.RequiredString(Command, "The command that starts an instance, run as `/bin/sh -c` in the release's directory. It gets `PORT`, `HOST` (bind to `$HOST:$PORT`), `WIDEMESH_ENVIRONMENT`, `WIDEMESH_RACK` and `WIDEMESH_INSTANCE`."),
            new SchemaAttribute(Instances, CtyType.Number, "How many instances run on each rack (0–20; 0 stops the stack and keeps its definition). Default 1.", Optional: true, Computed: true),
            new SchemaAttribute(Port, CtyType.Number, "The port each instance listens on inside the environment (its `PORT`), 1–65535.", Optional: true),
            new SchemaAttribute(PublicPort, CtyType.Number, "The port on each rack's ingress address that forwards to `port` (needs `port`); unique per rack.", Optional: true),
            new SchemaAttribute(Variables, CtyType.Map(CtyType.String), "Extra environment variables of every instance. Names are letters, digits and `_`; `PORT`, `HOST` and `WIDEMESH_*` are the platform's.", Optional: true),
        ],
        "An application component: a command run as one or more instances on every rack of the environment.",
        [HealthCheckBlock]));

    public static SchemaNestedBlock ServiceBlock { get; } = new(Service, new SchemaBlock(
        [
            SchemaAttribute.RequiredString(ComponentName, "Name of the service, a DNS label unique among the environment's stacks and services: the others reach it by this name."),
            SchemaAttribute.RequiredString(Command, "The command that starts the service, run as `/bin/sh -c` in the release's directory (with `PORT` and `HOST` like a stack)."),
            new SchemaAttribute(Port, CtyType.Number, "The port the service listens on inside the environment, 1–65535.", Optional: true),
            new SchemaAttribute(Variables, CtyType.Map(CtyType.String), "Extra environment variables of the service.", Optional: true),
        ],
        "A backing process (a database, a cache, a queue): one instance per rack, reachable only inside the environment."));

    /// <summary>Fills the computed defaults of every stack from its configuration (known values only).</summary>
    public static CtyValue PlanDefaults(CtyValue planned, CtyValue config)
    {
        var stacks = planned[Stack];
        var configured = config[Stack];
        if (!stacks.IsKnown || stacks.IsNull || !configured.IsKnown || configured.IsNull || configured.Elements.Count != stacks.Elements.Count)
        {
            return planned;
        }

        var filled = stacks.Elements.Select((stack, i) =>
        {
            var source = configured.Elements[i];
            if (!stack.IsKnown || !source.IsKnown)
            {
                return stack;
            }

            stack = stack.With(Instances, Default(source[Instances], 1));
            var checks = stack[HealthCheck];
            var sourceChecks = source[HealthCheck];
            if (checks.IsKnown && !checks.IsNull && sourceChecks.IsKnown && !sourceChecks.IsNull && checks.Elements.Count == sourceChecks.Elements.Count)
            {
                stack = stack.With(HealthCheck, CtyValue.List(HealthCheckBlock.ElementType, checks.Elements.Select((check, j) =>
                {
                    var from = sourceChecks.Elements[j];
                    return !check.IsKnown || !from.IsKnown
                        ? check
                        : check
                            .With(CheckPath, from[CheckPath].IsNull ? CtyValue.String(Defaults.Path) : from[CheckPath])
                            .With(IntervalSeconds, Default(from[IntervalSeconds], Defaults.IntervalSeconds))
                            .With(TimeoutSeconds, Default(from[TimeoutSeconds], Defaults.TimeoutSeconds))
                            .With(GraceSeconds, Default(from[GraceSeconds], Defaults.GraceSeconds));
                })));
            }

            return stack;
        });
        return planned.With(Stack, CtyValue.List(StackBlock.ElementType, filled));
    }

    public static IReadOnlyList<StackSpec> Stacks(CtyValue state) =>
        [.. Elements(state[Stack]).Select(stack => new StackSpec
        {
            Name = stack[ComponentName].AsString(),
            Command = stack[Command].AsString(),
            Instances = Int(stack[Instances]) ?? 1,
            Port = Int(stack[Port]),
            PublicPort = Int(stack[PublicPort]),
            Environment = Map(stack[Variables]),
            HealthCheck = Elements(stack[HealthCheck]).Select(check => new HealthCheckSpec
            {
                Path = check[CheckPath].IsNull ? Defaults.Path : check[CheckPath].AsString(),
                IntervalSeconds = Int(check[IntervalSeconds]) ?? Defaults.IntervalSeconds,
                TimeoutSeconds = Int(check[TimeoutSeconds]) ?? Defaults.TimeoutSeconds,
                GraceSeconds = Int(check[GraceSeconds]) ?? Defaults.GraceSeconds,
            }).FirstOrDefault(),
        })];

    public static IReadOnlyList<ServiceSpec> Services(CtyValue state) =>
        [.. Elements(state[Service]).Select(service => new ServiceSpec
        {
            Name = service[ComponentName].AsString(),
            Command = service[Command].AsString(),
            Port = Int(service[Port]),
            Environment = Map(service[Variables]),
        })];

    public static string? ReleaseOf(CtyValue state) => state[Release] is { IsKnown: true, IsNull: false } release ? release.AsString() : null;

    /// <summary>
    /// The API's stacks as state. An empty <c>environment</c> map stays null unless <paramref name="current"/> (the state
    /// being refreshed) wrote it as <c>{}</c>, so neither spelling shows a diff.
    /// </summary>
    public static CtyValue StackValues(IReadOnlyList<StackSpec> stacks, CtyValue? current)
    {
        var before = current is { IsKnown: true, IsNull: false } ? Elements(current[Stack]) : [];
        return CtyValue.List(StackBlock.ElementType, stacks.Select((stack, i) => CtyValue.Object(StackBlock.ElementType,
        [
            KeyValuePair.Create(ComponentName, CtyValue.String(stack.Name)),
            KeyValuePair.Create(Command, CtyValue.String(stack.Command)),
            KeyValuePair.Create(Instances, CtyValue.Number(stack.Instances)),
            KeyValuePair.Create(Port, Number(stack.Port)),
            KeyValuePair.Create(PublicPort, Number(stack.PublicPort)),
            KeyValuePair.Create(Variables, MapValue(stack.Environment, i < before.Count ? before[i][Variables] : null)),
            KeyValuePair.Create(HealthCheck, CtyValue.List(HealthCheckBlock.ElementType, stack.HealthCheck is { } check
                ? [CtyValue.Object(HealthCheckBlock.ElementType,
                    [
                        KeyValuePair.Create(CheckPath, CtyValue.String(check.Path)),
                        KeyValuePair.Create(IntervalSeconds, CtyValue.Number(check.IntervalSeconds)),
                        KeyValuePair.Create(TimeoutSeconds, CtyValue.Number(check.TimeoutSeconds)),
                        KeyValuePair.Create(GraceSeconds, CtyValue.Number(check.GraceSeconds)),
                    ])]
                : [])),
        ])));
    }

    public static CtyValue ServiceValues(IReadOnlyList<ServiceSpec> services, CtyValue? current)
    {
        var before = current is { IsKnown: true, IsNull: false } ? Elements(current[Service]) : [];
        return CtyValue.List(ServiceBlock.ElementType, services.Select((service, i) => CtyValue.Object(ServiceBlock.ElementType,
        [
            KeyValuePair.Create(ComponentName, CtyValue.String(service.Name)),
            KeyValuePair.Create(Command, CtyValue.String(service.Command)),
            KeyValuePair.Create(Port, Number(service.Port)),
            KeyValuePair.Create(Variables, MapValue(service.Environment, i < before.Count ? before[i][Variables] : null)),
        ])));
    }

    /// <summary>A state written before the blocks existed has them null; blocks are never null, so they become empty lists.</summary>
    public static CtyValue Upgrade(CtyValue state)
    {
        if (!state.IsKnown || state.IsNull)
        {
            return state;
        }

        if (state[Stack].IsNull)
        {
            state = state.With(Stack, CtyValue.List(StackBlock.ElementType, []));
        }

        return state[Service].IsNull ? state.With(Service, CtyValue.List(ServiceBlock.ElementType, [])) : state;
    }

    /// <summary>The attribute path of an API field such as <c>stacks[1].publicPort</c> (<c>stack[1].public_port</c>); null when it is not one of ours.</summary>
    public static CtyPath? FieldPath(string field)
    {
        if (field == Release)
        {
            return CtyPath.Attribute(Release);
        }

        var match = System.Text.RegularExpressions.Regex.Match(field, @"^(stacks|services)\[(\d+)\](?:\.(\w+))?", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        if (!match.Success || !int.TryParse(match.Groups[2].Value, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        var path = CtyPath.Attribute(match.Groups[1].Value == "stacks" ? Stack : Service).WithIndex(index);
        return match.Groups[3].Value switch
        {
            "" => path,
            "publicPort" => path.WithAttribute(PublicPort),
            "healthCheck" => path.WithAttribute(HealthCheck).WithIndex(0),
            var name => path.WithAttribute(name),
        };
    }

    public static IReadOnlyList<CtyValue> Elements(CtyValue list) => list.IsKnown && !list.IsNull ? list.Elements : [];

    private static CtyValue Default(CtyValue configured, int fallback) => configured.IsNull ? CtyValue.Number(fallback) : configured;

    private static CtyValue Number(int? value) => value is { } number ? CtyValue.Number(number) : CtyValue.Null(CtyType.Number);

    private static CtyValue MapValue(IReadOnlyDictionary<string, string> variables, CtyValue? before) =>
        variables.Count == 0 && before is not { IsKnown: true, IsNull: false }
            ? CtyValue.Null(CtyType.Map(CtyType.String))
            : CtyValue.Map(CtyType.String, variables.Select(v => KeyValuePair.Create(v.Key, CtyValue.String(v.Value))));

    private static int? Int(CtyValue value) =>
        value.IsKnown && !value.IsNull && value.AsNumber().TryGetInt64(out var whole) && whole is >= int.MinValue and <= int.MaxValue ? (int)whole : null;

    private static Dictionary<string, string> Map(CtyValue value) =>
        value.IsKnown && !value.IsNull
            ? value.Attributes.ToDictionary(e => e.Key, e => e.Value.AsString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

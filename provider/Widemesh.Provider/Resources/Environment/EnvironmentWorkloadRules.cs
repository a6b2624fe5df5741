using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Sdk.Naming;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;
using static Widemesh.Provider.Resources.Environment.EnvironmentWorkloads;

namespace Widemesh.Provider.Resources.Environment;

/// <summary>
/// The platform's rules for stacks, services and the release, checked offline on the known parts of a configuration
/// (the same rules meshd applies), each tied to the attribute at fault, such as <c>stack[1].public_port</c>.
/// </summary>
internal static class EnvironmentWorkloadRules
{
    private const int MaxInstances = 20;
    private const int MaxCommandLength = 4096;

    public static void Validate(string summary, CtyValue config, ICollection<Tf.Diagnostic> diagnostics)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var publicPorts = new Dictionary<long, string>();
        void Error(CtyPath path, string detail) => diagnostics.Add(ProviderDiagnostics.Error(summary, detail, path));

        if (config[Release] is { IsKnown: true, IsNull: false } release && !release.AsString().StartsWith("rel_", StringComparison.Ordinal))
        {
            Error(CtyPath.Attribute(Release), $"release \"{release.AsString()}\" is not a release id; release ids start with rel_ (mesh deploy uploads one and writes it here; `mesh` lists them). Remove the attribute to run in an empty directory.");
        }

        var stacks = Elements(config[Stack]);
        for (var i = 0; i < stacks.Count; i++)
        {
            var stack = stacks[i];
            if (!stack.IsKnown)
            {
                continue;
            }

            var at = CtyPath.Attribute(Stack).WithIndex(i);
            var label = $"stack[{i}]";
            CheckComponent(stack, at, label, "stack", names, Error);
            Whole(stack[Instances], at.WithAttribute(Instances), $"{label}.instances", 0, MaxInstances, "0 stops the stack and keeps its definition", Error);

            var port = stack[Port];
            var publicPort = Whole(stack[PublicPort], at.WithAttribute(PublicPort), $"{label}.public_port", 1, 65535, "the port clients connect to on the rack's ingress address", Error);
            if (publicPort is not null && port.IsNull)
            {
                Error(at.WithAttribute(PublicPort), $"{label}.public_port {publicPort} needs port, the port the instances listen on (the ingress forwards public_port to it); set port too.");
            }

            if (publicPort is { } exposed && stack[ComponentName] is { IsKnown: true, IsNull: false } stackName)
            {
                if (publicPorts.TryGetValue(exposed, out var first))
                {
                    Error(at.WithAttribute(PublicPort), $"{label}.public_port {exposed} is already exposed by stack \"{first}\"; give each stack its own public port.");
                }
                else
                {
                    publicPorts[exposed] = stackName.AsString();
                }
            }

            var checks = Elements(stack[HealthCheck]);
            for (var j = 0; j < checks.Count; j++)
            {
                var check = checks[j];
                var checkAt = at.WithAttribute(HealthCheck).WithIndex(j);
                if (!check.IsKnown)
                {
                    continue;
                }

                if (port.IsNull)
                {
                    Error(checkAt, $"{label}.health_check needs port: the check is an HTTP GET on the instance's port. Set port, or remove the health_check block.");
                }

                if (check[CheckPath] is { IsKnown: true, IsNull: false } path && (path.AsString() is not { Length: > 0 } text || text[0] != '/' || text.Any(char.IsWhiteSpace)))
                {
                    Error(checkAt.WithAttribute(CheckPath), $"{label}.health_check.path \"{path.AsString()}\" must start with / and hold no spaces, such as \"/health\".");
                }

                Whole(check[IntervalSeconds], checkAt.WithAttribute(IntervalSeconds), $"{label}.health_check.interval_seconds", 1, 300, "seconds between checks", Error);
                Whole(check[TimeoutSeconds], checkAt.WithAttribute(TimeoutSeconds), $"{label}.health_check.timeout_seconds", 1, 60, "seconds a check may take", Error);
                Whole(check[GraceSeconds], checkAt.WithAttribute(GraceSeconds), $"{label}.health_check.grace_seconds", 1, 3600, "seconds a new instance may take to become healthy", Error);
            }
        }

        var services = Elements(config[Service]);
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].IsKnown)
            {
                CheckComponent(services[i], CtyPath.Attribute(Service).WithIndex(i), $"service[{i}]", "service", names, Error);
            }
        }
    }

    private static void CheckComponent(CtyValue component, CtyPath at, string label, string kind, Dictionary<string, string> names, Action<CtyPath, string> error)
    {
        if (component[ComponentName] is { IsKnown: true, IsNull: false } nameValue)
        {
            var name = nameValue.AsString();
            if (NameRules.Validate(name, $"{label}.name") is { } problem)
            {
                error(at.WithAttribute(ComponentName), $"{problem} Other stacks and services reach it by this name.");
            }
            else if (names.TryGetValue(name, out var other))
            {
                error(at.WithAttribute(ComponentName), $"{label}.name \"{name}\" is already used by {other}; stacks and services share one set of names (they reach each other by them), so pick another.");
            }
            else
            {
                names[name] = $"{label}";
            }
        }

        if (component[Command] is { IsKnown: true, IsNull: false } command)
        {
            var text = command.AsString();
            if (string.IsNullOrWhiteSpace(text))
            {
                error(at.WithAttribute(Command), $"{label}.command is empty; give the shell command that starts an instance, such as \"python3 app.py\".");
            }
            else if (text.Length > MaxCommandLength)
            {
                error(at.WithAttribute(Command), $"{label}.command is {text.Length} characters long; keep it to {MaxCommandLength} (put a longer one in a script in the release).");
            }
        }

        Whole(component[Port], at.WithAttribute(Port), $"{label}.port", 1, 65535, "the port the instances listen on", error);
        if (component[Variables] is { IsKnown: true, IsNull: false } variables)
        {
            foreach (var (key, _) in variables.Attributes)
            {
                var keyAt = at.WithAttribute(Variables).WithKey(key);
                if (key.Length == 0 || !(char.IsAsciiLetter(key[0]) || key[0] == '_') || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    error(keyAt, $"{label}.environment: variable name \"{key}\" must be letters, digits and _, not starting with a digit, such as DATABASE_URL.");
                }
                else if (key.StartsWith("WIDEMESH_", StringComparison.Ordinal) || key is "PORT" or "HOST")
                {
                    error(keyAt, $"{label}.environment: variable \"{key}\" is set by the platform (PORT, HOST and WIDEMESH_*); use another name.");
                }
            }
        }
    }

    /// <summary>The value as a whole number in range, else null with an error (nothing when null or unknown).</summary>
    private static long? Whole(CtyValue value, CtyPath at, string field, long min, long max, string meaning, Action<CtyPath, string> error)
    {
        if (!value.IsKnown || value.IsNull)
        {
            return null;
        }

        if (!value.AsNumber().TryGetInt64(out var whole) || whole < min || whole > max)
        {
            error(at, $"{field} is {value.AsNumber()}; it must be a whole number from {min} to {max} ({meaning}).");
            return null;
        }

        return whole;
    }
}

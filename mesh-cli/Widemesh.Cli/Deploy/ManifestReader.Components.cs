using System.Text.RegularExpressions;
using Widemesh.Cli.Hcl;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Naming;

namespace Widemesh.Cli.Deploy;

internal sealed partial class ManifestReader
{
    private static readonly string[] StackAttributes = ["command", "instances", "port", "public_port", "environment"];
    private static readonly string[] ServiceAttributes = ["command", "port", "environment"];
    private static readonly string[] HealthCheckAttributes = ["path", "interval_seconds", "timeout_seconds", "grace_seconds"];

    private StackSpec? ReadStack(HclBlock block)
    {
        var name = ReadComponentName(block);
        var attributes = ReadAttributes(block, StackAttributes, ["health_check"]);
        HealthCheckSpec? healthCheck = null;
        HclBlock? healthBlock = null;
        foreach (var nested in block.Body.Blocks.Where(b => b.Type == "health_check"))
        {
            if (healthBlock is not null)
            {
                Error(nested.TypeToken, "health_check is declared twice", "keep one health_check block per stack");
                continue;
            }

            healthBlock = nested;
            healthCheck = ReadHealthCheck(nested);
        }

        var command = RequiredCommand(block, attributes);
        var instances = attributes.TryGetValue("instances", out var i) ? ReadInt(i, "instances", 0, 20, "a stack runs 0 to 20 instances per rack") : 1;
        var port = attributes.TryGetValue("port", out var p) ? ReadPort(p, "port") : null;
        var publicPort = attributes.TryGetValue("public_port", out var pp) ? ReadPort(pp, "public_port") : null;
        if (attributes.TryGetValue("public_port", out var publicAttribute) && !attributes.ContainsKey("port"))
        {
            Error(publicAttribute.NameToken, "public_port needs port (the port the instances listen on, which the ingress forwards to)", "add port = 8080 (or the port your program listens on)");
        }

        if (healthBlock is not null && !attributes.ContainsKey("port"))
        {
            Error(healthBlock.TypeToken, "health_check needs port (the check is an HTTP GET on the instance's port)", "add port = 8080 (or remove the health_check)");
        }

        var environment = attributes.TryGetValue("environment", out var e) ? ReadEnvironment(e) : null;
        return name is null || command is null || instances is null
            ? null
            : new StackSpec
            {
                Name = name,
                Command = command,
                Instances = instances.Value,
                Port = port,
                PublicPort = publicPort,
                Environment = environment ?? new Dictionary<string, string>(),
                HealthCheck = healthCheck,
            };
    }

    private ServiceSpec? ReadService(HclBlock block)
    {
        var name = ReadComponentName(block);
        if (block.Body.FindAttribute("public_port") is { } exposed)
        {
            Error(exposed.NameToken, "a service has no public_port: services are reachable only inside the environment", "remove public_port, or declare it as a stack to expose it");
        }

        var attributes = ReadAttributes(block, [.. ServiceAttributes, "public_port"], []);
        attributes.Remove("public_port");
        var command = RequiredCommand(block, attributes);
        var port = attributes.TryGetValue("port", out var p) ? ReadPort(p, "port") : null;
        var environment = attributes.TryGetValue("environment", out var e) ? ReadEnvironment(e) : null;
        return name is null || command is null
            ? null
            : new ServiceSpec { Name = name, Command = command, Port = port, Environment = environment ?? new Dictionary<string, string>() };
    }

    private HealthCheckSpec ReadHealthCheck(HclBlock block)
    {
        if (block.Labels.Count > 0)
        {
            Error(block.LabelNodes[0].FirstToken(), "health_check takes no label", "write health_check { path = \"/health\" }");
        }

        var attributes = ReadAttributes(block, HealthCheckAttributes, []);
        var defaults = new HealthCheckSpec();
        var path = attributes.TryGetValue("path", out var p) ? ReadString(p, "path") : defaults.Path;
        if (path is not null && !path.StartsWith('/'))
        {
            Error(p!.Expression.FirstToken(), $"health_check path \"{path}\" does not start with /", $"write it as \"/{path}\"");
        }

        return new HealthCheckSpec
        {
            Path = path ?? defaults.Path,
            IntervalSeconds = Seconds(attributes, "interval_seconds", defaults.IntervalSeconds, 3600),
            TimeoutSeconds = Seconds(attributes, "timeout_seconds", defaults.TimeoutSeconds, 3600),
            GraceSeconds = Seconds(attributes, "grace_seconds", defaults.GraceSeconds, 86400),
        };
    }

    private int Seconds(Dictionary<string, HclAttribute> attributes, string field, int fallback, int max) =>
        attributes.TryGetValue(field, out var attribute) ? ReadInt(attribute, field, 1, max, $"give a whole number of seconds from 1 to {max}") ?? fallback : fallback;

    private string? ReadComponentName(HclBlock block)
    {
        if (block.Labels.Count != 1)
        {
            Error(block.TypeToken, $"a {block.Type} block needs exactly one label, its name", $"write {block.Type} \"web\" {{ … }}");
            return null;
        }

        var name = block.Labels[0];
        var at = block.LabelNodes[0].FirstToken();
        if (NameRules.Validate(name, $"{block.Type} name") is { } problem)
        {
            Error(at, problem.TrimEnd('.'), "use a DNS label such as \"web\"; other stacks and services reach it by that name");
            return null;
        }

        if (_names.TryGetValue(name, out var first))
        {
            Error(at, $"the name \"{name}\" is used twice (first at {_file}:{first.Line}:{first.Column}); stacks and services share one set of names", "rename one of them");
            return null;
        }

        _names[name] = at!;
        return name;
    }

    private Dictionary<string, HclAttribute> ReadAttributes(HclBlock block, IReadOnlyList<string> known, IReadOnlyList<string> blocks)
    {
        var attributes = new Dictionary<string, HclAttribute>(StringComparer.Ordinal);
        var where = block.Labels.Count == 1 ? $"in {block.Type} \"{block.Labels[0]}\"" : $"in {block.Type}";
        foreach (var item in block.Body.Items)
        {
            switch (item)
            {
                case HclAttribute attribute when !known.Contains(attribute.Name):
                    UnknownName(attribute.NameToken, "argument", attribute.Name, where, [.. known, .. blocks]);
                    break;
                case HclAttribute attribute when attributes.ContainsKey(attribute.Name):
                    Error(attribute.NameToken, $"\"{attribute.Name}\" is set twice {where}", "keep one of them");
                    break;
                case HclAttribute attribute:
                    attributes[attribute.Name] = attribute;
                    break;
                case HclBlock nested when !blocks.Contains(nested.Type):
                    UnknownName(nested.TypeToken, "block", nested.Type, where, [.. blocks, .. known]);
                    break;
                case HclBlock:
                    break;
                default:
                    Error(item.FirstToken(), "this line is not part of a manifest", "write name = value");
                    break;
            }
        }

        return attributes;
    }

    private string? RequiredCommand(HclBlock block, Dictionary<string, HclAttribute> attributes)
    {
        if (attributes.TryGetValue("command", out var command))
        {
            return ReadCommand(command, "command");
        }

        Error(block.TypeToken, $"{block.Type} \"{(block.Labels.Count > 0 ? block.Labels[0] : "?")}\" has no command", "add command = \"…\", the command line that starts it (run with /bin/sh -c in the uploaded directory)");
        return null;
    }

    private int? ReadPort(HclAttribute attribute, string field) =>
        ReadInt(attribute, field, 1, 65535, "a port is a whole number from 1 to 65535");

    private int? ReadInt(HclAttribute attribute, string field, int min, int max, string fix)
    {
        var value = Evaluate(attribute);
        if (value is null)
        {
            return null;
        }

        if (value is not HclNumber number || !number.IsInteger || !number.TryGetInt64(out var whole))
        {
            Error(attribute.Expression.FirstToken(), $"{field} must be a whole number, not {Describe(value)}", fix);
            return null;
        }

        if (whole < min || whole > max)
        {
            Error(attribute.Expression.FirstToken(), $"{field} {whole} is out of range ({min} to {max})", fix);
            return null;
        }

        return (int)whole;
    }

    private string? ReadString(HclAttribute attribute, string field)
    {
        var value = Evaluate(attribute);
        if (value is null)
        {
            return null;
        }

        if (value is not HclString text)
        {
            Error(attribute.Expression.FirstToken(), $"{field} must be a string, not {Describe(value)}", $"put the value in quotes: {field} = \"…\"");
            return null;
        }

        return text.Value;
    }

    private Dictionary<string, string>? ReadEnvironment(HclAttribute attribute)
    {
        var value = Evaluate(attribute);
        if (value is null)
        {
            return null;
        }

        if (value is not HclObject map)
        {
            Error(attribute.Expression.FirstToken(), $"environment must be a map of strings, not {Describe(value)}", "write environment = { NAME = \"value\" }");
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, item) in map.Attributes)
        {
            if (!EnvironmentVariableName().IsMatch(key))
            {
                Error(attribute.Expression.FirstToken(), $"environment variable name \"{key}\" is not valid (letters, digits and _, not starting with a digit)", "rename it, such as GREETING");
            }
            else if (key.StartsWith("WIDEMESH_", StringComparison.Ordinal))
            {
                Error(attribute.Expression.FirstToken(), $"environment variable \"{key}\" starts with WIDEMESH_, which the platform reserves", "choose another name");
            }
            else if (item is HclString or HclNumber or HclBool)
            {
                result[key] = item switch
                {
                    HclString s => s.Value,
                    HclBool b => b.Value ? "true" : "false",
                    _ => item.ToString()!,
                };
            }
            else
            {
                Error(attribute.Expression.FirstToken(), $"environment variable \"{key}\" must be a string, not {Describe(item)}", $"write {key} = \"…\"");
            }
        }

        return result;
    }

    private HclValue? Evaluate(HclAttribute attribute)
    {
        var evaluation = HclEvaluator.Evaluate(attribute.Expression, _file);
        if (evaluation.Unsupported is { } unsupported)
        {
            _errors.Add(new ManifestError(_file, unsupported.Line, unsupported.Column, $"{unsupported.Kind} is not allowed in a manifest", "write a constant value"));
            return null;
        }

        return evaluation.Value;
    }

    private static string Describe(HclValue value) => value switch
    {
        HclString s => $"the string \"{s.Value}\"",
        HclNumber n => $"the number {n}",
        HclBool b => b.Value ? "true" : "false",
        HclNull => "null",
        HclList => "a list",
        HclObject => "an object",
        _ => "this value",
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentVariableName();
}

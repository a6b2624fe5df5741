using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Naming;

namespace Widemesh.Sdk.Workloads;

/// <summary>
/// The rules of an environment's stacks and services, shared by meshd, the provider (at plan time) and
/// <c>mesh deploy</c>'s manifest, so all three refuse the same things with the same words.
/// </summary>
public static class WorkloadRules
{
    public const int MaxInstances = 20;

    public const int MaxCommandLength = 4096;

    /// <summary>
    /// Every broken rule; empty when the lists are valid. <paramref name="spell"/> turns an attribute's API name
    /// (<c>publicPort</c>) into the caller's spelling (<c>public_port</c> in HCL); identity when null.
    /// </summary>
    public static IReadOnlyList<WorkloadProblem> Validate(
        IReadOnlyList<StackSpec>? stacks, IReadOnlyList<ServiceSpec>? services, Func<string, string>? spell = null)
    {
        spell ??= static name => name;
        var problems = new List<WorkloadProblem>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var publicPorts = new Dictionary<int, string>();
        for (var i = 0; i < (stacks?.Count ?? 0); i++)
        {
            var stack = stacks![i];
            void Add(string? attribute, string message) => problems.Add(new WorkloadProblem("stacks", i, attribute is null ? null : spell(attribute), message));
            var label = $"stack '{stack.Name}'";
            CheckName(stack.Name, "stack", names, Add, spell);
            CheckCommand(stack.Command, label, Add, spell);
            if (stack.Instances is < 0 or > MaxInstances)
            {
                Add("instances", $"{label}: {spell("instances")} is {stack.Instances}; it must be 0 to {MaxInstances} (0 stops the stack and keeps its definition).");
            }

            CheckPort(stack.Port, "port", label, Add, spell);
            CheckPort(stack.PublicPort, "publicPort", label, Add, spell);
            if (stack.PublicPort is { } publicPort)
            {
                if (stack.Port is null)
                {
                    Add("publicPort", $"{label}: {spell("publicPort")} {publicPort} needs {spell("port")}, the port the instances listen on; set {spell("port")} too.");
                }

                if (publicPorts.TryGetValue(publicPort, out var first))
                {
                    Add("publicPort", $"{label}: {spell("publicPort")} {publicPort} is already exposed by stack '{first}'; give each stack its own public port.");
                }
                else
                {
                    publicPorts[publicPort] = stack.Name;
                }
            }

            CheckEnvironment(stack.Environment, label, Add, spell);
            if (stack.HealthCheck is { } check)
            {
                if (stack.Port is null)
                {
                    Add("healthCheck", $"{label}: a health check needs {spell("port")}, where it sends its HTTP request; set {spell("port")} or remove the health check.");
                }

                if (check.Path is not { Length: > 0 } path || path[0] != '/' || path.Any(char.IsWhiteSpace))
                {
                    Add("healthCheck", $"{label}: the health check path '{check.Path}' must start with '/' and hold no spaces, such as '/health'.");
                }

                if (check.IntervalSeconds is < 1 or > 300 || check.TimeoutSeconds is < 1 or > 60 || check.GraceSeconds is < 1 or > 3600)
                {
                    Add("healthCheck", $"{label}: health check times must be 1–300 s ({spell("intervalSeconds")}), 1–60 s ({spell("timeoutSeconds")}) and 1–3600 s ({spell("graceSeconds")}).");
                }
            }
        }

        for (var i = 0; i < (services?.Count ?? 0); i++)
        {
            var service = services![i];
            void Add(string? attribute, string message) => problems.Add(new WorkloadProblem("services", i, attribute is null ? null : spell(attribute), message));
            var label = $"service '{service.Name}'";
            CheckName(service.Name, "service", names, Add, spell);
            CheckCommand(service.Command, label, Add, spell);
            CheckPort(service.Port, "port", label, Add, spell);
            CheckEnvironment(service.Environment, label, Add, spell);
        }

        return problems;
    }

    private static void CheckName(string? name, string kind, Dictionary<string, string> names, Action<string?, string> add, Func<string, string> spell)
    {
        if (NameRules.Validate(name, $"the {kind}'s {spell("name")}") is { } problem)
        {
            add("name", problem);
        }
        else if (names.TryGetValue(name!, out var other))
        {
            add("name", $"{kind} name '{name}' is already used by a {other} of this environment; stacks and services share one namespace of names (they reach each other by them), so pick another.");
        }
        else
        {
            names[name!] = kind;
        }
    }

    private static void CheckCommand(string? command, string label, Action<string?, string> add, Func<string, string> spell)
    {
        if (string.IsNullOrWhiteSpace(command))
        {
            add("command", $"{label}: {spell("command")} is required: the shell command that starts an instance, such as 'python3 app.py'.");
        }
        else if (command.Length > MaxCommandLength)
        {
            add("command", $"{label}: {spell("command")} is {command.Length} characters long; keep it to {MaxCommandLength} (put a longer one in a script in the release).");
        }
        else if (command.Contains('\0', StringComparison.Ordinal))
        {
            add("command", $"{label}: {spell("command")} holds a NUL character; remove it.");
        }
    }

    private static void CheckPort(int? port, string attribute, string label, Action<string?, string> add, Func<string, string> spell)
    {
        if (port is < 1 or > 65535)
        {
            add(attribute, $"{label}: {spell(attribute)} {port} is not a TCP port; use 1 to 65535.");
        }
    }

    private static void CheckEnvironment(IReadOnlyDictionary<string, string>? environment, string label, Action<string?, string> add, Func<string, string> spell)
    {
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            if (!IsVariableName(key))
            {
                add("environment", $"{label}: environment variable name '{key}' must be letters, digits and '_', not starting with a digit, such as 'DATABASE_URL'.");
            }
            else if (key.StartsWith("WIDEMESH_", StringComparison.Ordinal) || key is "PORT" or "HOST")
            {
                add("environment", $"{label}: environment variable '{key}' is set by the platform (PORT, HOST and WIDEMESH_*); use another name.");
            }
            else if (value is null || value.Contains('\0', StringComparison.Ordinal))
            {
                add("environment", $"{label}: environment variable '{key}' needs a value without NUL characters.");
            }
        }
    }

    private static bool IsVariableName(string key) =>
        key.Length is > 0 and <= 256
        && (char.IsAsciiLetter(key[0]) || key[0] == '_')
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

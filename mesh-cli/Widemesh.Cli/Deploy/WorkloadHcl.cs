using Widemesh.Cli.Hcl;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Deploy;

/// <summary>
/// Writes a manifest's stacks and services, and the release, into a <c>widemesh_environment</c> block, editing in
/// place: a <c>stack</c>/<c>service</c> block whose <c>name</c> matches keeps its comments and layout and gets only
/// its changed arguments rewritten; blocks for components the manifest dropped are removed; new ones are appended.
/// Defaults (<c>instances = 1</c>, the health check's intervals) are left out, as a person would write them.
/// </summary>
internal static class WorkloadHcl
{
    public static void Apply(HclBody environment, string? release, IReadOnlyList<StackSpec> stacks, IReadOnlyList<ServiceSpec> services)
    {
        if (release is null)
        {
            environment.RemoveAttribute("release");
        }
        else
        {
            environment.SetAttribute("release", HclValue.From(release));
        }

        Sync(environment, "stack", stacks.Select(s => (s.Name, (Action<HclBody>)(body => WriteStack(body, s)), (Action<HclBodyBuilder>)(builder => BuildStack(builder, s)))).ToList());
        Sync(environment, "service", services.Select(s => (s.Name, (Action<HclBody>)(body => WriteService(body, s)), (Action<HclBodyBuilder>)(builder => BuildService(builder, s)))).ToList());
    }

    /// <summary>Writes the release and every stack and service into a new <c>widemesh_environment</c> block, as <see cref="Apply"/> would.</summary>
    public static void Build(HclBodyBuilder environment, string? release, IReadOnlyList<StackSpec> stacks, IReadOnlyList<ServiceSpec> services)
    {
        if (release is not null)
        {
            environment.Attribute("release", release);
        }

        foreach (var stack in stacks)
        {
            environment.Block("stack", builder => BuildStack(builder, stack));
        }

        foreach (var service in services)
        {
            environment.Block("service", builder => BuildService(builder, service));
        }
    }

    private static void Sync(HclBody environment, string type, IReadOnlyList<(string Name, Action<HclBody> Edit, Action<HclBodyBuilder> Build)> wanted)
    {
        var existing = environment.Blocks.Where(b => b.Type == type).ToList();
        foreach (var block in existing.Where(b => !wanted.Any(w => w.Name == NameOf(b))))
        {
            environment.RemoveBlock(block);
        }

        foreach (var (name, edit, build) in wanted)
        {
            if (existing.FirstOrDefault(b => NameOf(b) == name) is { } block)
            {
                edit(block.Body);
            }
            else
            {
                environment.AppendBlock(type, [], build);
            }
        }
    }

    private static string? NameOf(HclBlock block) =>
        block.Body.FindAttribute("name") is { } name ? HclEvaluator.Evaluate(name.Expression).Value?.AsString() : null;

    private static void WriteStack(HclBody body, StackSpec stack)
    {
        body.SetAttribute("command", HclValue.From(stack.Command));
        Set(body, "instances", stack.Instances == 1 ? null : stack.Instances);
        Set(body, "port", stack.Port);
        Set(body, "public_port", stack.PublicPort);
        SetEnvironment(body, stack.Environment);
        var check = body.Blocks.FirstOrDefault(b => b.Type == "health_check");
        if (stack.HealthCheck is null)
        {
            if (check is not null)
            {
                body.RemoveBlock(check);
            }
        }
        else if (check is null)
        {
            body.AppendBlock("health_check", [], builder => BuildHealthCheck(builder, stack.HealthCheck));
        }
        else
        {
            var defaults = new HealthCheckSpec();
            body = check.Body;
            body.SetAttribute("path", HclValue.From(stack.HealthCheck.Path));
            Set(body, "interval_seconds", stack.HealthCheck.IntervalSeconds == defaults.IntervalSeconds ? null : stack.HealthCheck.IntervalSeconds);
            Set(body, "timeout_seconds", stack.HealthCheck.TimeoutSeconds == defaults.TimeoutSeconds ? null : stack.HealthCheck.TimeoutSeconds);
            Set(body, "grace_seconds", stack.HealthCheck.GraceSeconds == defaults.GraceSeconds ? null : stack.HealthCheck.GraceSeconds);
        }
    }

    private static void WriteService(HclBody body, ServiceSpec service)
    {
        body.SetAttribute("command", HclValue.From(service.Command));
        Set(body, "port", service.Port);
        SetEnvironment(body, service.Environment);
    }

    private static void BuildStack(HclBodyBuilder builder, StackSpec stack)
    {
        builder.Attribute("name", stack.Name).Attribute("command", stack.Command);
        if (stack.Instances != 1)
        {
            builder.Attribute("instances", stack.Instances);
        }

        if (stack.Port is { } port)
        {
            builder.Attribute("port", port);
        }

        if (stack.PublicPort is { } publicPort)
        {
            builder.Attribute("public_port", publicPort);
        }

        if (stack.Environment.Count > 0)
        {
            builder.Attribute("environment", Map(stack.Environment));
        }

        if (stack.HealthCheck is { } check)
        {
            builder.Block("health_check", b => BuildHealthCheck(b, check));
        }
    }

    private static void BuildService(HclBodyBuilder builder, ServiceSpec service)
    {
        builder.Attribute("name", service.Name).Attribute("command", service.Command);
        if (service.Port is { } port)
        {
            builder.Attribute("port", port);
        }

        if (service.Environment.Count > 0)
        {
            builder.Attribute("environment", Map(service.Environment));
        }
    }

    private static void BuildHealthCheck(HclBodyBuilder builder, HealthCheckSpec check)
    {
        var defaults = new HealthCheckSpec();
        builder.Attribute("path", check.Path);
        if (check.IntervalSeconds != defaults.IntervalSeconds)
        {
            builder.Attribute("interval_seconds", check.IntervalSeconds);
        }

        if (check.TimeoutSeconds != defaults.TimeoutSeconds)
        {
            builder.Attribute("timeout_seconds", check.TimeoutSeconds);
        }

        if (check.GraceSeconds != defaults.GraceSeconds)
        {
            builder.Attribute("grace_seconds", check.GraceSeconds);
        }
    }

    private static void Set(HclBody body, string name, int? value)
    {
        if (value is null)
        {
            body.RemoveAttribute(name);
        }
        else
        {
            body.SetAttribute(name, HclValue.From(value.Value));
        }
    }

    private static void SetEnvironment(HclBody body, IReadOnlyDictionary<string, string> environment)
    {
        if (environment.Count == 0)
        {
            body.RemoveAttribute("environment");
        }
        else
        {
            body.SetAttribute("environment", Map(environment));
        }
    }

    private static HclValue Map(IReadOnlyDictionary<string, string> environment) =>
        HclValue.Object(environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => KeyValuePair.Create(e.Key, HclValue.From(e.Value))));
}

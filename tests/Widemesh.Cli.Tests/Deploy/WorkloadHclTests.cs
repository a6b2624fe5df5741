using Widemesh.Cli.Deploy;
using Widemesh.Cli.Hcl;
using Widemesh.Cli.Workspace;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Snapshots;

namespace Widemesh.Cli.Tests.Deploy;

public sealed class WorkloadHclTests
{
    private static readonly StackSpec Web = new()
    {
        Name = "web",
        Command = "dotnet out/web/web.dll",
        Port = 8080,
        PublicPort = 8080,
        Environment = new Dictionary<string, string> { ["GREETING"] = "Hello" },
        HealthCheck = new HealthCheckSpec { Path = "/health" },
    };

    private static readonly ServiceSpec Kv = new() { Name = "kv", Command = "python3 kv.py", Port = 7000 };

    [Fact]
    public void Stacks_services_and_release_written_into_a_new_environment_match_the_snapshot()
    {
        var file = HclFile.Parse(WorkspaceHcl.Environment("hello", ["local"]), "environment_hello.tf");

        WorkloadHcl.Apply(Block(file).Body, "rel_0123456789abcdef", [Web, new StackSpec { Name = "worker", Command = "python3 worker.py", Instances = 2 }], [Kv]);

        Snapshot.Match(file.ToFullString(), "tf");
    }

    [Fact]
    public void Redeploying_keeps_comments_and_changes_only_what_changed()
    {
        var file = HclFile.Parse(WorkspaceHcl.Environment("hello", ["local"]), "environment_hello.tf");
        WorkloadHcl.Apply(Block(file).Body, "rel_1", [Web], [Kv]);
        var edited = file.ToFullString().Replace("  stack {", "  # the front end\n  stack {", StringComparison.Ordinal);
        file = HclFile.Parse(edited, "environment_hello.tf");

        WorkloadHcl.Apply(Block(file).Body, "rel_2", [Web with { Instances = 3 }], []);
        var text = file.ToFullString();

        Assert.Contains("# the front end", text, StringComparison.Ordinal);
        Assert.Contains("release = \"rel_2\"", text, StringComparison.Ordinal);
        Assert.Contains("instances", text, StringComparison.Ordinal);
        Assert.DoesNotContain("service", text, StringComparison.Ordinal);
        Assert.False(HclFile.Parse(text, "x.tf").HasErrors);
    }

    [Fact]
    public void The_same_deploy_twice_changes_no_byte()
    {
        var file = HclFile.Parse(WorkspaceHcl.Environment("hello", ["local"]), "environment_hello.tf");
        WorkloadHcl.Apply(Block(file).Body, "rel_1", [Web], [Kv]);
        var first = file.ToFullString();

        WorkloadHcl.Apply(Block(file).Body, "rel_1", [Web], [Kv]);

        Assert.Equal(first, file.ToFullString());
    }

    private static HclBlock Block(HclFile file) => file.Body.FindBlock("resource", "widemesh_environment", "hello")!;
}

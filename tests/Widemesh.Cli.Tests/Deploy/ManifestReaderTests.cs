using Widemesh.Cli.Deploy;

namespace Widemesh.Cli.Tests.Deploy;

public sealed class ManifestReaderTests
{
    private const string Example = """
        environment = "hello"
        rack        = "local"
        build       = "dotnet publish web -c Release -o out/web"

        stack "web" {
          command     = "dotnet out/web/web.dll"
          instances   = 2
          port        = 8080
          public_port = 8081
          environment = { GREETING = "hi", RETRIES = 3 }
          health_check {
            path = "/health"
            grace_seconds = 30
          }
        }

        stack "worker" {
          command = "python3 worker.py"
        }

        service "kv" {
          command = "python3 kv.py"
          port    = 7000
        }
        """;

    /// <summary>Each bad manifest and the start of the one error line it must produce.</summary>
    public static TheoryData<string, string> BadManifests => new()
    {
        { "stack \"web\" {\n  comand = \"x\"\n}\n", "widemesh.hcl:2:3: unknown argument \"comand\" in stack \"web\" — did you mean \"command\"?" },
        { "stack \"web\" {\n  command = \"x\"\n  publicport = 80\n  port = 8080\n}\n", "widemesh.hcl:3:3: unknown argument \"publicport\" in stack \"web\" — did you mean \"public_port\"?" },
        { "stack \"web\" {\n  port = 8080\n}\n", "widemesh.hcl:1:1: stack \"web\" has no command — add command = " },
        { "stack \"web\" {\n  command = \"x\"\n  port = \"eighty\"\n}\n", "widemesh.hcl:3:10: port must be a whole number, not the string \"eighty\" — a port is a whole number from 1 to 65535" },
        { "stack \"web\" {\n  command = \"x\"\n  port = 70000\n}\n", "widemesh.hcl:3:10: port 70000 is out of range (1 to 65535)" },
        { "stack \"web\" {\n  command = \"x\"\n  public_port = 80\n}\n", "widemesh.hcl:3:3: public_port needs port" },
        { "stack \"web\" {\n  command = \"x\"\n  health_check {\n    path = \"/\"\n  }\n}\n", "widemesh.hcl:3:3: health_check needs port" },
        { "stack \"web\" {\n  command = \"x\"\n  port = 8080\n  health_check {\n    path = \"health\"\n  }\n}\n", "widemesh.hcl:5:12: health_check path \"health\" does not start with / — write it as \"/health\"" },
        { "stack \"web\" {\n  command = \"x\"\n}\nservice \"web\" {\n  command = \"y\"\n}\n", "widemesh.hcl:4:9: the name \"web\" is used twice (first at widemesh.hcl:1:7)" },
        { "stack \"Web\" {\n  command = \"x\"\n}\n", "widemesh.hcl:1:7: stack name 'Web' must start with a lowercase letter a-z (try 'web')" },
        { "stack \"web\" {\n  command = \"x\"\n  instances = 21\n}\n", "widemesh.hcl:3:15: instances 21 is out of range (0 to 20)" },
        { "stack \"web\" {\n  command = \"\"\n}\n", "widemesh.hcl:2:13: command is empty" },
        { "stack \"web\" {\n  command = 42\n}\n", "widemesh.hcl:2:13: command must be a string, not the number 42" },
        { "stack \"web\" {\n  command = \"x\"\n  environment = { WIDEMESH_RACK = \"a\" }\n}\n", "widemesh.hcl:3:17: environment variable \"WIDEMESH_RACK\" starts with WIDEMESH_" },
        { "stack \"web\" {\n  command = \"x\"\n  environment = { \"1X\" = \"a\" }\n}\n", "widemesh.hcl:3:17: environment variable name \"1X\" is not valid" },
        { "stack \"web\" {\n  command = var.cmd\n}\n", "widemesh.hcl:2:13: a reference is not allowed in a manifest — write a constant value" },
        { "stak \"web\" {\n  command = \"x\"\n}\n", "widemesh.hcl:1:1: unknown block type \"stak\" at the top level — did you mean \"stack\"?" },
        { "enviroment = \"hello\"\nstack \"web\" {\n  command = \"x\"\n}\n", "widemesh.hcl:1:1: unknown argument \"enviroment\" at the top level — did you mean \"environment\"?" },
        { "environment = \"Hello\"\nstack \"web\" {\n  command = \"x\"\n}\n", "widemesh.hcl:1:15: environment 'Hello' must start with a lowercase letter" },
        { "stack {\n  command = \"x\"\n}\n", "widemesh.hcl:1:1: a stack block needs exactly one label, its name" },
        { "stack \"web\" {\n  command = \"x\"\n  command = \"y\"\n}\n", "widemesh.hcl:3:3: \"command\" is set twice in stack \"web\"" },
        { "stack \"web\" {\n  command = \"x\"\n  port = 8080\n  health_check {\n    pth = \"/\"\n  }\n}\n", "widemesh.hcl:5:5: unknown argument \"pth\" in health_check — did you mean \"path\"?" },
        { "service \"kv\" {\n  command = \"x\"\n  public_port = 80\n}\n", "widemesh.hcl:3:3: a service has no public_port: services are reachable only inside the environment — remove public_port" },
        { "stack \"web\" {\n  command = \"x\"\n", "widemesh.hcl:3:1:" },
        { "stack \"a\" {\n  command = \"x\"\n  port = 1\n  public_port = 80\n}\nstack \"b\" {\n  command = \"y\"\n  port = 2\n  public_port = 80\n}\n", "widemesh.hcl:9:3: stack 'b': public_port 80 is already exposed by stack 'a' — give each stack its own public port" },
        { "stack \"a\" {\n  command = \"x\"\n  environment = { PORT = \"1\" }\n}\n", "widemesh.hcl:3:3: stack 'a': environment variable 'PORT' is set by the platform (PORT, HOST and WIDEMESH_*) — use another name" },
        { "# nothing here\n", "widemesh.hcl:1:1: the manifest declares no stack and no service" },
    };

    [Fact]
    public void Reads_every_field_of_a_complete_manifest()
    {
        var result = ManifestReader.Read(Example, "/app/widemesh.hcl");

        Assert.Empty(result.Errors);
        var manifest = Assert.IsType<DeployManifest>(result.Manifest);
        Assert.Equal(("hello", "local", "dotnet publish web -c Release -o out/web"), (manifest.Environment, manifest.Rack, manifest.Build));
        Assert.Equal(["web", "worker"], manifest.Stacks.Select(s => s.Name));
        var web = manifest.Stacks[0];
        Assert.Equal((2, 8080, 8081), (web.Instances, web.Port!.Value, web.PublicPort!.Value));
        Assert.Equal("hi", web.Environment["GREETING"]);
        Assert.Equal("3", web.Environment["RETRIES"]);
        Assert.Equal(("/health", 2, 2, 30), (web.HealthCheck!.Path, web.HealthCheck.IntervalSeconds, web.HealthCheck.TimeoutSeconds, web.HealthCheck.GraceSeconds));
        Assert.Equal(1, manifest.Stacks[1].Instances);
        Assert.Null(manifest.Stacks[1].HealthCheck);
        Assert.Equal(7000, Assert.Single(manifest.Services).Port);
    }

    [Fact]
    public void Leaves_environment_and_rack_to_the_defaults_when_absent()
    {
        var result = ManifestReader.Read("stack \"web\" { command = \"x\" }\n", "widemesh.hcl");

        Assert.Null(result.Manifest!.Environment);
        Assert.Null(result.Manifest.Rack);
        Assert.Null(result.Manifest.Build);
    }

    [Theory]
    [MemberData(nameof(BadManifests))]
    public void Bad_manifest_is_refused_with_file_line_column_and_a_fix(string text, string expected)
    {
        var result = ManifestReader.Read(text, "/some/dir/widemesh.hcl");

        Assert.Null(result.Manifest);
        Assert.Contains(result.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.Contains(" — ", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var result = ManifestReader.Read("stack \"web\" {\n  port = 0\n}\nservice \"kv\" {\n  comand = \"x\"\n}\n", "widemesh.hcl");

        Assert.Equal(4, result.Errors.Count);
    }
}

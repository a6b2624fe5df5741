namespace Widemesh.Provider.Tests.Acceptance;

/// <summary>widemesh_environment's stack and service blocks through the real terraform CLI (opt-in: skipped without terraform or tofu).</summary>
public sealed class EnvironmentWorkloadsAcceptanceTests(MeshdForTerraform platform) : IClassFixture<MeshdForTerraform>
{
    [Fact]
    public async Task Adding_and_changing_stacks_and_services_is_an_in_place_update_and_the_next_plan_is_clean()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tf = await platform.WorkspaceAsync(ct);
        tf.Write(Config(string.Empty));
        await tf.RunAsync("init -input=false -no-color", 0, ct);
        await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);

        tf.Write(Config("""
              stack {
                name    = "web"
                command = "sleep 600"
                port    = 8080
                health_check {
                  path = "/health"
                }
              }

              service {
                name    = "kv"
                command = "sleep 600"
              }
            """));
        var add = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 2, ct);
        await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);
        var clean = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 0, ct);

        tf.Write(Config("""
              stack {
                name        = "web"
                command     = "sleep 601"
                instances   = 2
                port        = 8080
                environment = { GREETING = "hi" }
                health_check {
                  path          = "/health"
                  grace_seconds = 30
                }
              }
            """));
        var change = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 2, ct);
        await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);
        var cleanAgain = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 0, ct);

        foreach (var plan in new[] { add, change })
        {
            Assert.Contains("~ update in-place", plan.Stdout, StringComparison.Ordinal);
            Assert.Contains("0 to add, 1 to change, 0 to destroy", plan.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("No changes.", clean.Stdout, StringComparison.Ordinal);
        Assert.Contains("No changes.", cleanAgain.Stdout, StringComparison.Ordinal);
        using var client = platform.Meshd.CreateClient();
        var remote = await client.GetEnvironmentAsync("tf-workloads", ct);
        var web = Assert.Single(remote!.Stacks);
        Assert.Equal((2, "sleep 601", 30), (web.Instances, web.Command, web.HealthCheck!.GraceSeconds));
        Assert.Empty(remote.Services);
        await tf.RunAsync("destroy -input=false -auto-approve -no-color", 0, ct);
    }

    [Fact]
    public async Task A_public_port_without_port_is_refused_at_plan_with_the_block_path()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tf = await platform.WorkspaceAsync(ct);
        tf.Write(Config("""
              stack {
                name        = "web"
                command     = "sleep 600"
                public_port = 8080
              }
            """));
        await tf.RunAsync("init -input=false -no-color", 0, ct);

        var plan = await tf.RunAsync("plan -input=false -no-color", 1, ct);

        Assert.Contains("public_port 8080 needs port", plan.Stderr, StringComparison.Ordinal);
        Assert.Contains("stack[0].public_port", plan.Stderr, StringComparison.Ordinal);
    }

    private string Config(string blocks) => $$"""
        provider "widemesh" {
          endpoint = "{{platform.Meshd.Endpoint}}"
        }

        resource "widemesh_environment" "app" {
          name  = "tf-workloads"
          racks = ["a"]
        {{blocks}}
        }
        """;
}

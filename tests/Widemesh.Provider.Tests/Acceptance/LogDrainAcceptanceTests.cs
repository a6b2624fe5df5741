namespace Widemesh.Provider.Tests.Acceptance;

/// <summary>widemesh_log_drain through the real terraform CLI (opt-in: skipped without terraform or tofu).</summary>
public sealed class LogDrainAcceptanceTests(MeshdForTerraform platform) : IClassFixture<MeshdForTerraform>
{
    [Fact]
    public async Task A_drain_applies_with_its_environment_imports_and_destroys_without_a_diff()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tf = await platform.WorkspaceAsync(ct);
        tf.Write(Config("syslog+tcp://127.0.0.1:9"));
        await tf.RunAsync("init -input=false -no-color", 0, ct);

        var apply = await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);
        var clean = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 0, ct);
        using var client = platform.Meshd.CreateClient();
        var drain = Assert.Single(await client.ListDrainsAsync("tf-drained", ct));
        await tf.RunAsync("state rm -no-color widemesh_log_drain.archive", 0, ct);
        var import = await tf.RunAsync($"import -input=false -no-color widemesh_log_drain.archive tf-drained/{drain.Id}", 0, ct);
        var afterImport = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 0, ct);
        tf.Write(Config("syslog+tls://127.0.0.1:9"));
        var replace = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 2, ct);
        await tf.RunAsync("destroy -input=false -auto-approve -no-color", 0, ct);

        Assert.Contains("2 added, 0 changed, 0 destroyed", apply.Stdout, StringComparison.Ordinal);
        Assert.Contains("No changes.", clean.Stdout, StringComparison.Ordinal);
        Assert.Contains("Import successful", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("No changes.", afterImport.Stdout, StringComparison.Ordinal);
        Assert.Contains("must be replaced", replace.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 to add, 0 to change, 1 to destroy", replace.Stdout, StringComparison.Ordinal);
        Assert.Null(await client.GetEnvironmentAsync("tf-drained", ct));
    }

    [Fact]
    public async Task A_bad_url_fails_the_plan_with_a_diagnostic_on_url()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tf = await platform.WorkspaceAsync(ct);
        tf.Write($$"""
            provider "widemesh" {
              endpoint = "{{platform.Meshd.Endpoint}}"
            }

            resource "widemesh_log_drain" "bad" {
              environment = "anything"
              url         = "https://logs.example.com:514"
            }
            """);
        await tf.RunAsync("init -input=false -no-color", 0, ct);

        var plan = await tf.RunAsync("plan -input=false -no-color", 1, ct);

        var output = string.Join(' ', plan.Output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Invalid Log Drain Configuration", output, StringComparison.Ordinal);
        Assert.Contains("url scheme 'https' is not supported", output, StringComparison.Ordinal);
        Assert.Contains("widemesh_log_drain.bad", output, StringComparison.Ordinal);
    }

    private string Config(string url) => $$"""
        provider "widemesh" {
          endpoint = "{{platform.Meshd.Endpoint}}"
        }

        resource "widemesh_environment" "drained" {
          name  = "tf-drained"
          racks = ["a"]
        }

        resource "widemesh_log_drain" "archive" {
          environment = widemesh_environment.drained.name
          url         = "{{url}}"
        }
        """;
}

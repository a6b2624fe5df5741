using Widemesh.Sdk.Contracts;

namespace Widemesh.Provider.Tests.Acceptance;

/// <summary>widemesh_rack through the real terraform CLI (opt-in: skipped without terraform or tofu).</summary>
public sealed class RackAcceptanceTests(MeshdForTerraform platform) : IClassFixture<MeshdForTerraform>
{
    [Fact]
    public async Task A_rack_applies_imports_and_destroys_without_a_diff()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = platform.Meshd.CreateClient();
        await client.CreateRackAsync(new CreateRackRequest { Name = "tf-existing" }, ct);
        using var tf = await platform.WorkspaceAsync(ct);
        tf.Write("""
            resource "widemesh_rack" "new" {
              name          = "tf-new"
              rack_provider = "local"
            }

            resource "widemesh_rack" "existing" {
              name = "tf-existing"
            }

            data "widemesh_racks" "all" {
              depends_on = [widemesh_rack.new]
            }

            output "kind" {
              value = widemesh_rack.new.provider
            }
            """);
        await tf.RunAsync("init -input=false -no-color", 0, ct);

        await tf.RunAsync("import -input=false -no-color widemesh_rack.existing tf-existing", 0, ct);
        var apply = await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);
        var clean = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 0, ct);
        var destroy = await tf.RunAsync("destroy -input=false -auto-approve -no-color", 0, ct);

        Assert.Contains("kind = \"local\"", apply.Stdout, StringComparison.Ordinal);
        Assert.Contains("No changes.", clean.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 destroyed", destroy.Stdout, StringComparison.Ordinal);
        Assert.Null(await client.GetRackAsync("tf-new", ct));
    }
}

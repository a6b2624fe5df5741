using System.Text.RegularExpressions;

namespace Widemesh.Provider.Tests.Acceptance;

/// <summary><c>widemesh_environment.dns_records</c> through the real terraform CLI (opt-in: skipped without terraform or tofu).</summary>
public sealed class EnvironmentDnsRecordsAcceptanceTests(MeshdForTerraform platform) : IClassFixture<MeshdForTerraform>
{
    [Fact]
    public async Task Dns_records_are_known_after_apply_when_racks_change_and_the_next_plan_is_clean()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tf = await platform.WorkspaceAsync(ct);
        using var client = platform.Meshd.CreateClient();
        var ingressB = (await client.GetRackAsync("b", ct))!.IngressAddress;
        var ingressC = (await client.GetRackAsync("c", ct))!.IngressAddress;
        tf.Write(Environment("\"b\""));
        await tf.RunAsync("init -input=false -no-color", 0, ct);

        var first = await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);
        var clean = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 0, ct);
        tf.Write(Environment("\"b\", \"c\""));
        var move = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 2, ct);
        var second = await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);
        var cleanAgain = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 0, ct);

        Assert.Contains($"address = \"{ingressB}\"", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("txt = \"racks=b\"", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("No changes.", clean.Stdout, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"~ dns_records\s+= \[.*?\] -> \(known after apply\)", RegexOptions.Singleline), move.Stdout);
        Assert.Contains($"address = \"{ingressC}\"", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("txt = \"racks=b,c\"", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("No changes.", cleanAgain.Stdout, StringComparison.Ordinal);
        await tf.RunAsync("destroy -input=false -auto-approve -no-color", 0, ct);
    }

    private static string Environment(string racks) => $$"""
        resource "widemesh_environment" "this" {
          name  = "tf-records"
          racks = [{{racks}}]
        }

        output "address" {
          value = one([for r in widemesh_environment.this.dns_records : r.value if r.type == "A"])
        }

        output "txt" {
          value = one([for r in widemesh_environment.this.dns_records : r.value if r.type == "TXT"])
        }
        """;
}

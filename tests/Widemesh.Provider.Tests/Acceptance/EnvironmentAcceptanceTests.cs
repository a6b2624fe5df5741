using Widemesh.Sdk.Contracts;

namespace Widemesh.Provider.Tests.Acceptance;

/// <summary>widemesh_environment through the real terraform CLI (opt-in: skipped without terraform or tofu).</summary>
public sealed class EnvironmentAcceptanceTests(MeshdForTerraform platform) : IClassFixture<MeshdForTerraform>
{
    [Fact]
    public async Task Init_validate_plan_and_apply_then_the_next_plan_is_clean()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tf = await platform.WorkspaceAsync(ct);
        tf.Write($$"""
            provider "widemesh" {
              endpoint = "{{platform.Meshd.Endpoint}}"
            }

            resource "widemesh_environment" "shop" {
              name  = "tf-shop"
              racks = ["a", "b"]
            }

            data "widemesh_environment" "shop" {
              name = widemesh_environment.shop.name
            }

            output "primary" {
              value = widemesh_environment.shop.primary_rack
            }

            output "hostname" {
              value = data.widemesh_environment.shop.hostname
            }
            """);

        await tf.RunAsync("init -input=false -no-color", 0, ct);
        await tf.RunAsync("validate -no-color", 0, ct);
        var plan = await tf.RunAsync("plan -input=false -no-color", 0, ct);
        var apply = await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);
        var clean = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 0, ct);

        Assert.Contains("1 to add, 0 to change, 0 to destroy", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("primary_rack = \"b\"", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("primary = \"b\"", apply.Stdout, StringComparison.Ordinal);
        Assert.Contains("hostname = \"tf-shop.widemesh.internal\"", apply.Stdout, StringComparison.Ordinal);
        Assert.Contains("No changes.", clean.Stdout, StringComparison.Ordinal);
        using var client = platform.Meshd.CreateClient();
        Assert.Equal(["a", "b"], (await client.GetEnvironmentAsync("tf-shop", ct))!.Racks);
        await tf.RunAsync("destroy -input=false -auto-approve -no-color", 0, ct);
    }

    [Fact]
    public async Task Changing_racks_order_and_membership_is_an_in_place_update()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tf = await platform.WorkspaceAsync(ct);
        tf.Write(Environment("tf-move", "\"a\""));
        await tf.RunAsync("init -input=false -no-color", 0, ct);
        await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);

        tf.Write(Environment("tf-move", "\"a\", \"c\""));
        var twoRacks = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 2, ct);
        await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);
        tf.Write(Environment("tf-move", "\"c\", \"a\""));
        var reordered = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 2, ct);
        await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);
        var clean = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 0, ct);

        foreach (var plan in new[] { twoRacks, reordered })
        {
            Assert.Contains("~ update in-place", plan.Stdout, StringComparison.Ordinal);
            Assert.Contains("0 to add, 1 to change, 0 to destroy", plan.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("must be replaced", plan.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("No changes.", clean.Stdout, StringComparison.Ordinal);
        using var client = platform.Meshd.CreateClient();
        var remote = await client.GetEnvironmentAsync("tf-move", ct);
        Assert.Equal(["c", "a"], remote!.Racks);
        Assert.Equal("a", remote.PrimaryRack);
        await tf.RunAsync("destroy -input=false -auto-approve -no-color", 0, ct);
    }

    [Fact]
    public async Task Terraform_import_adopts_an_existing_environment_without_a_diff()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = platform.Meshd.CreateClient();
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = "tf-imported", Racks = ["b", "c"] }, ct);
        using var tf = await platform.WorkspaceAsync(ct);
        tf.Write(Environment("tf-imported", "\"b\", \"c\""));
        await tf.RunAsync("init -input=false -no-color", 0, ct);

        var import = await tf.RunAsync("import -input=false -no-color widemesh_environment.this tf-imported", 0, ct);
        var clean = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 0, ct);

        Assert.Contains("Import successful", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("No changes.", clean.Stdout, StringComparison.Ordinal);
        await tf.RunAsync("destroy -input=false -auto-approve -no-color", 0, ct);
    }

    [Fact]
    public async Task An_import_block_adopts_an_existing_environment_at_plan_time()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = platform.Meshd.CreateClient();
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = "tf-block", Racks = ["a"] }, ct);
        using var tf = await platform.WorkspaceAsync(ct);
        tf.Write(Environment("tf-block", "\"a\"") + """

            import {
              to = widemesh_environment.this
              id = "tf-block"
            }
            """);
        await tf.RunAsync("init -input=false -no-color", 0, ct);

        var plan = await tf.RunAsync("plan -input=false -no-color", 0, ct);
        await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);
        var clean = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 0, ct);

        Assert.Contains("1 to import, 0 to add, 0 to change, 0 to destroy", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("No changes.", clean.Stdout, StringComparison.Ordinal);
        await tf.RunAsync("destroy -input=false -auto-approve -no-color", 0, ct);
    }

    [Fact]
    public async Task State_rm_forgets_the_environment_without_deleting_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tf = await platform.WorkspaceAsync(ct);
        tf.Write(Environment("tf-forget", "\"a\""));
        await tf.RunAsync("init -input=false -no-color", 0, ct);
        await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);

        var rm = await tf.RunAsync("state rm -no-color widemesh_environment.this", 0, ct);
        var list = await tf.RunAsync("state list -no-color", 0, ct);

        Assert.Contains("Successfully removed 1 resource instance(s).", rm.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("widemesh_environment.this", list.Stdout, StringComparison.Ordinal);
        using var client = platform.Meshd.CreateClient();
        Assert.NotNull(await client.GetEnvironmentAsync("tf-forget", ct));
        await client.DeleteEnvironmentAsync("tf-forget", null, ct);
    }

    [Fact]
    public async Task An_environment_deleted_outside_terraform_is_planned_for_creation()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tf = await platform.WorkspaceAsync(ct);
        tf.Write(Environment("tf-drift", "\"b\""));
        await tf.RunAsync("init -input=false -no-color", 0, ct);
        await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);
        using var client = platform.Meshd.CreateClient();
        await client.DeleteEnvironmentAsync("tf-drift", null, ct);

        var plan = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 2, ct);
        await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);

        Assert.Contains("will be created", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 to add, 0 to change, 0 to destroy", plan.Stdout, StringComparison.Ordinal);
        Assert.NotNull(await client.GetEnvironmentAsync("tf-drift", ct));
        await tf.RunAsync("destroy -input=false -auto-approve -no-color", 0, ct);
    }

    [Fact]
    public async Task Destroy_removes_the_environment_from_the_platform()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tf = await platform.WorkspaceAsync(ct);
        tf.Write(Environment("tf-gone", "\"a\", \"b\""));
        await tf.RunAsync("init -input=false -no-color", 0, ct);
        await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);

        var destroy = await tf.RunAsync("destroy -input=false -auto-approve -no-color", 0, ct);

        Assert.Contains("1 destroyed", destroy.Stdout, StringComparison.Ordinal);
        using var client = platform.Meshd.CreateClient();
        Assert.Null(await client.GetEnvironmentAsync("tf-gone", ct));
    }

    [Fact]
    public async Task An_invalid_name_fails_at_plan_pointing_at_the_name_argument()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tf = await platform.WorkspaceAsync(ct);
        tf.Write(Environment("Not_A_Label", "\"a\""));
        await tf.RunAsync("init -input=false -no-color", 0, ct);

        var plan = await tf.RunAsync("plan -input=false -no-color", 1, ct);

        Assert.Contains("Error:", plan.Stderr, StringComparison.Ordinal);
        Assert.Contains("name", plan.Stderr, StringComparison.Ordinal);
        Assert.Contains("main.tf line", plan.Stderr, StringComparison.Ordinal);
        using var client = platform.Meshd.CreateClient();
        Assert.Null(await client.GetEnvironmentAsync("Not_A_Label", ct));
    }

    [Fact]
    public async Task A_rack_and_an_environment_on_it_are_created_in_one_apply()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tf = await platform.WorkspaceAsync(ct);
        tf.Write("""
            resource "widemesh_rack" "edge" {
              name = "tf-edge"
            }

            resource "widemesh_environment" "this" {
              name  = "tf-on-edge"
              racks = ["a", widemesh_rack.edge.name]
            }
            """);
        await tf.RunAsync("init -input=false -no-color", 0, ct);

        await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);
        await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 0, ct);

        await tf.RunAsync("destroy -input=false -auto-approve -no-color", 0, ct);
    }

    [Fact]
    public async Task Dev_overrides_plan_and_apply_without_init()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tf = await platform.WorkspaceAsync(ct, devOverrides: true);
        tf.Write(Environment("tf-dev", "\"c\""));

        var apply = await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct);
        var clean = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 0, ct);
        await tf.RunAsync("destroy -input=false -auto-approve -no-color", 0, ct);

        Assert.Contains("Provider development overrides are in effect", apply.Output, StringComparison.Ordinal);
        Assert.Contains("1 added", apply.Stdout, StringComparison.Ordinal);
        Assert.Contains("No changes.", clean.Stdout, StringComparison.Ordinal);
    }

    private static string Environment(string name, string racks) => $$"""
        resource "widemesh_environment" "this" {
          name  = "{{name}}"
          racks = [{{racks}}]
        }
        """;
}

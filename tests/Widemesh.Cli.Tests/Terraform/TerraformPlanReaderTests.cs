using Widemesh.Cli.Engine;
using Widemesh.Cli.Terraform;

namespace Widemesh.Cli.Tests.Terraform;

public sealed class TerraformPlanReaderTests
{
    [Fact]
    public void Actions_of_terraform_show_json_become_engine_changes()
    {
        const string Json = """
            {"format_version":"1.2","resource_changes":[
              {"address":"widemesh_rack.a","mode":"managed","type":"widemesh_rack","name":"a","change":{"actions":["create"],"before":null,"after":{"name":"a"}}},
              {"address":"widemesh_environment.e","mode":"managed","type":"widemesh_environment","name":"e","change":{"actions":["update"],"before":{"name":"shop"},"after":{"name":"shop"}}},
              {"address":"widemesh_environment.r","mode":"managed","type":"widemesh_environment","name":"r","change":{"actions":["delete","create"],"before":{"name":"old"},"after":{"name":"new"}}},
              {"address":"widemesh_rack.i","mode":"managed","type":"widemesh_rack","name":"i","change":{"actions":["no-op"],"before":{"name":"i"},"after":{"name":"i"},"importing":{"id":"i"}}},
              {"address":"data.widemesh_racks.all","mode":"data","type":"widemesh_racks","name":"all","change":{"actions":["read"]}}
            ]}
            """;

        var changes = TerraformPlanReader.Read(Json);

        Assert.Equal(
            [
                new PlannedChange("widemesh_rack.a", "widemesh_rack", "a", "a", ChangeAction.Create, false),
                new PlannedChange("widemesh_environment.e", "widemesh_environment", "e", "shop", ChangeAction.Update, false),
                new PlannedChange("widemesh_environment.r", "widemesh_environment", "r", "old", ChangeAction.Replace, false),
                new PlannedChange("widemesh_rack.i", "widemesh_rack", "i", "i", ChangeAction.NoOp, true),
            ],
            changes);
        Assert.Equal(new Cli.Output.ChangeSummary(2, 1, 1, 1), ChangeSummaries.Of(changes));
    }
}

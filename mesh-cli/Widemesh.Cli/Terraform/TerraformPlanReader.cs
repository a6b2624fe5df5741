using System.Text.Json;
using System.Text.Json.Nodes;
using Widemesh.Cli.Engine;

namespace Widemesh.Cli.Terraform;

/// <summary>Reads the <c>resource_changes</c> of <c>terraform show -json PLANFILE</c> into engine-neutral changes.</summary>
internal static class TerraformPlanReader
{
    public static IReadOnlyList<PlannedChange> Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new CliException(ExitCodes.Failure, $"terraform show -json printed something that is not JSON ({exception.Message}).", "terraform");
        }

        var changes = new List<PlannedChange>();
        if (root?["resource_changes"] is not JsonArray resourceChanges)
        {
            return changes;
        }

        foreach (var item in resourceChanges)
        {
            if (item is null || (string?)item["mode"] != "managed")
            {
                continue;
            }

            var change = item["change"];
            var actions = change?["actions"] is JsonArray list ? list.Select(a => (string?)a).ToArray() : [];
            var action = actions switch
            {
                ["create"] => ChangeAction.Create,
                ["update"] => ChangeAction.Update,
                ["delete"] => ChangeAction.Delete,
                ["delete", "create"] or ["create", "delete"] => ChangeAction.Replace,
                _ => ChangeAction.NoOp,
            };
            var name = (string?)change?["before"]?["name"] ?? (string?)change?["after"]?["name"];
            changes.Add(new PlannedChange(
                (string?)item["address"] ?? string.Empty,
                (string?)item["type"] ?? string.Empty,
                (string?)item["name"] ?? string.Empty,
                name,
                action,
                change?["importing"] is not null));
        }

        return changes;
    }
}

using System.Text.Json.Nodes;
using Widemesh.Cli.Engine.State;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>
/// Records the engine's resources in <c>terraform.tfstate</c>: same lineage as before (a new one for
/// a new state), the serial raised whenever the recorded resources change, written after every applied
/// resource so an interrupted apply still knows what it made.
/// </summary>
internal sealed class StateWriter(string workspace, TerraformState? previous)
{
    private readonly string _lineage = previous?.Lineage ?? StateFile.NewLineage();
    private readonly string _terraformVersion = previous?.TerraformVersion ?? StateFile.EngineTerraformVersion;

    // Keep the registry the state already names (OpenTofu writes registry.opentofu.org), so the tool
    // that wrote it reads it back without a provider replacement.
    private readonly string _providerAddress = previous?.Resources.FirstOrDefault()?.Provider ?? StateFile.ProviderAddress;
    private long _serial = previous?.Serial ?? 0;
    private string? _written = previous is null ? null : Fingerprint(previous.Resources);

    /// <summary>Writes the resources when they differ from what the file holds.</summary>
    public void Write(IEnumerable<ResourceStep> steps)
    {
        var resources = Build(steps, _providerAddress);
        var fingerprint = Fingerprint(resources);
        if (fingerprint == _written)
        {
            return;
        }

        _serial++;
        StateFile.Write(workspace, new TerraformState
        {
            TerraformVersion = _terraformVersion,
            Serial = _serial,
            Lineage = _lineage,
            Resources = resources,
        });
        _written = fingerprint;
    }

    private static List<StateResource> Build(IEnumerable<ResourceStep> steps, string providerAddress) =>
    [
        .. steps
            .Where(s => !s.CurrentOrPrior.IsNull)
            .OrderBy(s => s.Type, StringComparer.Ordinal)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new StateResource
            {
                Mode = "managed",
                Type = s.Type,
                Name = s.Name,
                Provider = providerAddress,
                Instances =
                [
                    new StateInstance
                    {
                        SchemaVersion = s.Schema.Version,
                        Attributes = ProviderSession.ToStateAttributes(s.CurrentOrPrior, s.Schema.Type),
                        SensitiveAttributes = SensitivePaths(s.Schema),
                        Private = s.CurrentPrivateOrPrior.IsEmpty ? null : s.CurrentPrivateOrPrior.ToBase64(),
                    },
                ],
            }),
    ];

    /// <summary>Terraform's record of sensitive values: one path (<c>[{"type":"get_attr","value":NAME}]</c>) per sensitive attribute.</summary>
    private static JsonArray SensitivePaths(ResourceTypeSchema schema)
    {
        var paths = new JsonArray();
        foreach (var attribute in schema.Attributes.Where(a => a.Sensitive).OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            paths.Add((JsonNode)new JsonArray((JsonNode)new JsonObject { ["type"] = "get_attr", ["value"] = attribute.Name }));
        }

        return paths;
    }

    private static string Fingerprint(IEnumerable<StateResource> resources)
    {
        var array = new JsonArray();
        foreach (var resource in resources)
        {
            foreach (var instance in resource.Instances)
            {
                var attributes = new JsonObject();
                foreach (var (key, value) in instance.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    attributes[key] = value?.DeepClone();
                }

                array.Add((JsonNode)new JsonObject
                {
                    ["address"] = resource.Address,
                    ["schema"] = instance.SchemaVersion,
                    ["attributes"] = attributes,
                    ["private"] = instance.Private,
                });
            }
        }

        return array.ToJsonString();
    }
}

using System.Collections.Concurrent;
using Widemesh.Cli.Engine.State;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Cli.Engine.Builtin;

internal sealed partial class BuiltinEngine
{
    /// <summary>Refresh what the state has, import what import blocks name, plan every configured resource, and destroy the rest.</summary>
    private static async Task<List<ResourceStep>> PlanAsync(ProviderSession provider, WorkspaceConfig config, TerraformState? state, CancellationToken cancellationToken)
    {
        var steps = new Dictionary<string, ResourceStep>(StringComparer.Ordinal);
        var configured = config.Resources.ToDictionary(r => r.Address, StringComparer.Ordinal);

        var recorded = (state?.Resources ?? []).Select(resource => (Resource: resource, Schema: CheckStateResource(provider, resource))).ToList();
        var refreshed = new ConcurrentDictionary<string, ResourceStep>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(recorded, Parallelism(cancellationToken), async (item, token) =>
        {
            var (prior, priv) = await provider.RefreshAsync(item.Schema, item.Resource.Address, item.Resource.Instances[0], token);
            refreshed[item.Resource.Address] = new ResourceStep(item.Resource.Type, item.Resource.Name, item.Schema) { Prior = prior, PriorPrivate = priv };
        });
        foreach (var (address, step) in refreshed)
        {
            steps[address] = step;
        }

        var imports = new List<(ConfiguredImport Import, ConfiguredResource Target, ResourceTypeSchema Schema)>();
        foreach (var import in config.Imports)
        {
            if (!configured.TryGetValue(import.To, out var target))
            {
                throw UnsupportedConstruct.Invalid($"the import block adopts {import.To}, but no resource block declares it; add resource \"{import.To.Replace(".", "\" \"", StringComparison.Ordinal)}\" {{ … }}.", import.Location);
            }

            if (!steps.TryGetValue(import.To, out var existing) || existing.Prior.IsNull)
            {
                imports.Add((import, target, provider.Schema(target.Type) ?? throw UnknownType(target, provider)));
            }
        }

        var importedSteps = new ConcurrentDictionary<string, ResourceStep>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(imports, Parallelism(cancellationToken), async (item, token) =>
        {
            var (imported, priv) = await provider.ImportAsync(item.Schema, item.Import.To, item.Import.Id, token);
            importedSteps[item.Import.To] = new ResourceStep(item.Target.Type, item.Target.Name, item.Schema) { Prior = imported, PriorPrivate = priv, Importing = true };
        });
        foreach (var (address, step) in importedSteps)
        {
            steps[address] = step;
        }

        foreach (var resource in config.Resources)
        {
            var schema = provider.Schema(resource.Type) ?? throw UnknownType(resource, provider);
            var step = steps.GetValueOrDefault(resource.Address) ?? new ResourceStep(resource.Type, resource.Name, schema);
            steps[resource.Address] = step;
            step.Config = ConfigValues.Build(resource, schema);
            string? Locate(Tf.AttributePath? path) => resource.Locate(path).ToString();

            await provider.ValidateAsync(schema, resource.Address, step.Config, Locate, cancellationToken);
            var (planned, plannedPrivate, replace) = await provider.PlanAsync(schema, resource.Address, step.Prior, step.PriorPrivate, step.Config, Locate, cancellationToken);
            step.Planned = planned;
            step.PlannedPrivate = plannedPrivate;
            if (step.Prior.IsNull)
            {
                step.Action = ChangeAction.Create;
            }
            else if (planned.ValueEquals(step.Prior))
            {
                step.Action = ChangeAction.NoOp;
            }
            else if (replace.Count > 0)
            {
                step.Action = ChangeAction.Replace;
                step.ReplaceBecause = replace;
                var (create, createPrivate, _) = await provider.PlanAsync(schema, resource.Address, Provider.Cty.CtyValue.Null(schema.Type), Google.Protobuf.ByteString.Empty, step.Config, Locate, cancellationToken);
                step.ReplacementPlan = create;
                step.ReplacementPrivate = createPrivate;
            }
            else
            {
                step.Action = ChangeAction.Update;
            }
        }

        foreach (var (address, step) in steps.ToList())
        {
            if (configured.ContainsKey(address))
            {
                continue;
            }

            if (step.Prior.IsNull)
            {
                steps.Remove(address);
                continue;
            }

            var (planned, plannedPrivate, _) = await provider.PlanAsync(step.Schema, address, step.Prior, step.PriorPrivate, step.Config, _ => null, cancellationToken);
            step.Planned = planned;
            step.PlannedPrivate = plannedPrivate;
            step.Action = ChangeAction.Delete;
        }

        return [.. steps.Values.OrderBy(s => s.Type, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>Up to ten provider calls at once, as Terraform's default -parallelism.</summary>
    private static ParallelOptions Parallelism(CancellationToken cancellationToken) => new() { MaxDegreeOfParallelism = 10, CancellationToken = cancellationToken };

    private static ResourceTypeSchema CheckStateResource(ProviderSession provider, StateResource resource)
    {
        var location = new SourceLocation(StateFile.FileName, 0, 0);
        if (resource.Mode != "managed")
        {
            throw UnsupportedConstruct.At($"the data source {resource.Address} recorded in the state", location);
        }

        if (resource.Module is not null)
        {
            throw UnsupportedConstruct.At($"the module {resource.Module} recorded in the state", location);
        }

        if (!resource.Provider.EndsWith("/widemesh/widemesh\"]", StringComparison.Ordinal))
        {
            throw UnsupportedConstruct.At($"the resource {resource.Address} of {resource.Provider} recorded in the state", location);
        }

        if (resource.Instances.Count != 1 || resource.Instances[0].IndexKey is not null || resource.Instances[0].Deposed is not null)
        {
            throw UnsupportedConstruct.At($"the {resource.Instances.Count} instances (count/for_each or deposed objects) of {resource.Address} in the state", location);
        }

        return provider.Schema(resource.Type)
            ?? throw UnsupportedConstruct.At($"the resource type {resource.Type} (in the state) that this provider version does not have", location);
    }

    private static CliException UnknownType(ConfiguredResource resource, ProviderSession provider) =>
        UnsupportedConstruct.Invalid($"the widemesh provider has no resource type {resource.Type}; it has {string.Join(", ", provider.ResourceTypes)}.", resource.Location);
}

using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Schema;

namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>
/// Builds <c>proposed_new_state</c> the way Terraform's <c>objchange.ProposedNew</c> does (protocol doc §4.2):
/// config, with computed attributes whose config is null taken from the prior state; nested blocks correlated with
/// prior elements (list by index, map by key, set by non-computed attributes).
/// </summary>
public static class ProposedNewState
{
    public static CtyValue Build(SchemaBlock schema, CtyValue prior, CtyValue config)
    {
        if (config.IsNull || !config.IsKnown)
        {
            return config;
        }

        return BuildObject(schema, prior.IsNull ? schema.AllNull() : prior, config);
    }

    private static CtyValue BuildObject(SchemaBlock schema, CtyValue prior, CtyValue config)
    {
        if (!config.IsKnown)
        {
            return config;
        }

        if (!prior.IsKnown)
        {
            prior = schema.AllNull();
        }

        var values = new Dictionary<string, CtyValue>(StringComparer.Ordinal);
        foreach (var attribute in schema.Attributes)
        {
            var configValue = config.GetAttribute(attribute.Name);
            var priorValue = prior.GetAttribute(attribute.Name);
            values[attribute.Name] = ProposeAttribute(attribute, priorValue, configValue);
        }

        foreach (var block in schema.BlockTypes)
        {
            values[block.TypeName] = ProposeBlock(block, prior.GetAttribute(block.TypeName), config.GetAttribute(block.TypeName));
        }

        return CtyValue.Object(config.Type, values);
    }

    private static CtyValue ProposeAttribute(SchemaAttribute attribute, CtyValue prior, CtyValue config)
    {
        if (attribute.WriteOnly)
        {
            return config;
        }

        if (attribute.Computed && config.IsNull)
        {
            return prior;
        }

        if (attribute.NestedType is { } nested && config.IsKnown && !config.IsNull && prior.IsKnown && !prior.IsNull)
        {
            var block = new SchemaBlock(nested.Attributes, []);
            return nested.Nesting switch
            {
                SchemaNesting.Single => BuildObject(block, prior, config),
                SchemaNesting.List => CtyValue.List(config.Type.Element!, config.Elements.Select((c, i) =>
                    BuildObject(block, i < prior.Elements.Count ? prior.Elements[i] : block.AllNull(), c))),
                SchemaNesting.Map => CtyValue.Map(config.Type.Element!, config.Entries.Select(e => KeyValuePair.Create(e.Key,
                    BuildObject(block, prior.Entries.TryGetValue(e.Key, out var p) ? p : block.AllNull(), e.Value)))),
                _ => config,
            };
        }

        return config;
    }

    private static CtyValue ProposeBlock(SchemaNestedBlock block, CtyValue prior, CtyValue config)
    {
        if (!config.IsKnown)
        {
            return config;
        }

        if (block.Block.Computed && prior.IsKnown && !prior.IsNull
            && (config.IsNull || (config.Elements.Count == 0 && config.Entries.Count == 0 && block.Nesting is SchemaNesting.List or SchemaNesting.Set or SchemaNesting.Map)))
        {
            return prior;
        }

        switch (block.Nesting)
        {
            case SchemaNesting.Single or SchemaNesting.Group:
                return config.IsNull ? config : BuildObject(block.Block, prior.IsKnown && !prior.IsNull ? prior : block.Block.AllNull(), config);
            case SchemaNesting.List when config.Type.Kind == CtyTypeKind.List:
                return CtyValue.List(config.Type.Element!, config.Elements.Select((c, i) =>
                    BuildObject(block.Block, prior.IsKnown && i < prior.Elements.Count ? prior.Elements[i] : block.Block.AllNull(), c)));
            case SchemaNesting.Map when config.Type.Kind == CtyTypeKind.Map:
                return CtyValue.Map(config.Type.Element!, config.Entries.Select(e => KeyValuePair.Create(e.Key,
                    BuildObject(block.Block, prior.IsKnown && prior.Entries.TryGetValue(e.Key, out var p) ? p : block.Block.AllNull(), e.Value))));
            case SchemaNesting.Set:
                {
                    var used = new HashSet<int>();
                    return CtyValue.Set(config.Type.Element!, config.Elements.Select(c =>
                    {
                        var match = prior.IsKnown ? FindSetMatch(block.Block, prior.Elements, c, used) : -1;
                        return BuildObject(block.Block, match >= 0 ? prior.Elements[match] : block.Block.AllNull(), c);
                    }));
                }

            default:
                return config;
        }
    }

    private static int FindSetMatch(SchemaBlock block, IReadOnlyList<CtyValue> priors, CtyValue config, HashSet<int> used)
    {
        for (var i = 0; i < priors.Count; i++)
        {
            if (used.Contains(i) || !priors[i].IsKnown || !config.IsKnown)
            {
                continue;
            }

            var matches = block.Attributes.Where(a => !a.Computed)
                .All(a => priors[i].GetAttribute(a.Name).Equals(config.GetAttribute(a.Name)));
            if (matches)
            {
                used.Add(i);
                return i;
            }
        }

        return -1;
    }
}

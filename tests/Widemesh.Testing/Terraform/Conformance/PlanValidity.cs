using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Schema;

namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>
/// Terraform's <c>objchange.AssertPlanValid</c> (protocol doc §4.3, rules 3–5): what a planned value may differ
/// from the config and the prior state in. Each problem is reported as "path: message".
/// </summary>
public static class PlanValidity
{
    public static IReadOnlyList<string> AssertPlanValid(SchemaBlock schema, CtyValue prior, CtyValue config, CtyValue planned)
    {
        var errors = new List<string>();
        if (config.IsNull)
        {
            if (!planned.IsNull)
            {
                errors.Add("planned for existence but config wants absence");
            }

            return errors;
        }

        if (planned.IsNull)
        {
            errors.Add("planned for absence but config wants existence");
            return errors;
        }

        AssertObject(schema, prior.IsNull ? schema.AllNull() : prior, config, planned, "", errors);
        return errors;
    }

    private static void AssertObject(SchemaBlock schema, CtyValue prior, CtyValue config, CtyValue planned, string path, List<string> errors)
    {
        if (planned.IsUnknown)
        {
            errors.Add($"{Root(path)}: planned value for a whole block must not be unknown");
            return;
        }

        foreach (var attribute in schema.Attributes)
        {
            AssertAttribute(attribute, Attr(prior, attribute.Name), Attr(config, attribute.Name), Attr(planned, attribute.Name), $"{path}.{attribute.Name}", errors);
        }

        foreach (var block in schema.BlockTypes)
        {
            AssertBlock(block, Attr(prior, block.TypeName), Attr(config, block.TypeName), Attr(planned, block.TypeName), $"{path}.{block.TypeName}", errors);
        }
    }

    private static void AssertAttribute(SchemaAttribute attribute, CtyValue prior, CtyValue config, CtyValue planned, string path, List<string> errors)
    {
        if (attribute.WriteOnly)
        {
            if (!planned.IsNull)
            {
                errors.Add($"{Root(path)}: planned value for a write-only attribute must be null");
            }

            return;
        }

        if (planned.EqualsIgnoringRefinements(config))
        {
            return;
        }

        if (!prior.IsNull && !config.IsNull && planned.EqualsIgnoringRefinements(prior))
        {
            return;
        }

        if (attribute.Computed && !attribute.Optional)
        {
            return;
        }

        if (config.IsNull)
        {
            if (attribute.Computed)
            {
                return;
            }

            if (!planned.IsNull)
            {
                errors.Add($"{Root(path)}: planned value {planned} for a non-computed attribute");
            }

            return;
        }

        if (attribute.NestedType is { } nested && config.IsKnown)
        {
            AssertNestedAttribute(nested, prior, config, planned, path, errors);
            return;
        }

        errors.Add(prior.IsNull
            ? $"{Root(path)}: planned value {planned} does not match config value {config}"
            : $"{Root(path)}: planned value {planned} does not match config value {config} nor prior value {prior}");
    }

    private static void AssertNestedAttribute(SchemaObject nested, CtyValue prior, CtyValue config, CtyValue planned, string path, List<string> errors)
    {
        if (planned.IsUnknown)
        {
            errors.Add($"{Root(path)}: planned unknown for configured value");
            return;
        }

        if (planned.IsNull)
        {
            errors.Add($"{Root(path)}: planned null for configured value {config}");
            return;
        }

        var block = new SchemaBlock(nested.Attributes, []);
        switch (nested.Nesting)
        {
            case SchemaNesting.Single:
                AssertObject(block, prior.IsKnown ? prior : block.AllNull(), config, planned, path, errors);
                break;
            case SchemaNesting.List:
                if (planned.Elements.Count != config.Elements.Count)
                {
                    errors.Add($"{Root(path)}: count in plan ({planned.Elements.Count}) disagrees with count in config ({config.Elements.Count})");
                    return;
                }

                for (var i = 0; i < config.Elements.Count; i++)
                {
                    var priorElement = prior.IsKnown && i < prior.Elements.Count ? prior.Elements[i] : block.AllNull();
                    AssertObject(block, priorElement, config.Elements[i], planned.Elements[i], $"{path}[{i}]", errors);
                }

                break;
            case SchemaNesting.Map:
                if (!planned.Entries.Keys.SequenceEqual(config.Entries.Keys))
                {
                    errors.Add($"{Root(path)}: keys in plan disagree with keys in config");
                    return;
                }

                foreach (var (key, element) in config.Entries)
                {
                    var priorElement = prior.IsKnown && prior.Entries.TryGetValue(key, out var p) ? p : block.AllNull();
                    AssertObject(block, priorElement, element, planned.Entries[key], $"{path}[\"{key}\"]", errors);
                }

                break;
            case SchemaNesting.Set:
                if (planned.Elements.Count < config.Elements.Count)
                {
                    errors.Add($"{Root(path)}: count in plan ({planned.Elements.Count}) disagrees with count in config ({config.Elements.Count})");
                }

                break;
        }
    }

    private static void AssertBlock(SchemaNestedBlock block, CtyValue prior, CtyValue config, CtyValue planned, string path, List<string> errors)
    {
        var collection = block.Nesting is SchemaNesting.List or SchemaNesting.Set or SchemaNesting.Map;
        if (collection && planned.IsNull)
        {
            errors.Add($"{Root(path)}: attribute representing a list of nested blocks must be empty to indicate no blocks, not null");
            return;
        }

        if (planned.EqualsIgnoringRefinements(config))
        {
            return;
        }

        if (config.IsUnknown)
        {
            errors.Add($"{Root(path)}: planned {planned} for unknown config block; must stay unknown");
            return;
        }

        if (block.Block.Computed && (config.IsNull || (config.IsKnown && config.Elements.Count == 0 && config.Entries.Count == 0 && collection)))
        {
            return;
        }

        if (planned.IsUnknown)
        {
            errors.Add($"{Root(path)}: planned value for a nested block must not be wholly unknown");
            return;
        }

        switch (block.Nesting)
        {
            case SchemaNesting.Single or SchemaNesting.Group:
                if (config.IsNull != planned.IsNull)
                {
                    errors.Add($"{Root(path)}: planned {(planned.IsNull ? "absence" : "presence")} of a block that config says is {(config.IsNull ? "absent" : "present")}");
                    return;
                }

                if (!config.IsNull)
                {
                    AssertObject(block.Block, prior.IsKnown ? prior : block.Block.AllNull(), config, planned, path, errors);
                }

                break;
            case SchemaNesting.List:
                if (planned.Elements.Count != config.Elements.Count)
                {
                    errors.Add($"{Root(path)}: block count in plan ({planned.Elements.Count}) disagrees with count in config ({config.Elements.Count})");
                    return;
                }

                for (var i = 0; i < config.Elements.Count; i++)
                {
                    if (planned.Elements[i].IsUnknown)
                    {
                        errors.Add($"{Root(path)}[{i}]: planned block element must not be unknown");
                        continue;
                    }

                    var priorElement = prior.IsKnown && i < prior.Elements.Count ? prior.Elements[i] : block.Block.AllNull();
                    AssertObject(block.Block, priorElement, config.Elements[i], planned.Elements[i], $"{path}[{i}]", errors);
                }

                break;
            case SchemaNesting.Map:
                if (!planned.Entries.Keys.SequenceEqual(config.Entries.Keys))
                {
                    errors.Add($"{Root(path)}: block keys in plan disagree with keys in config");
                    return;
                }

                foreach (var (key, element) in config.Entries)
                {
                    var priorElement = prior.IsKnown && prior.Entries.TryGetValue(key, out var p) ? p : block.Block.AllNull();
                    AssertObject(block.Block, priorElement, element, planned.Entries[key], $"{path}[\"{key}\"]", errors);
                }

                break;
            case SchemaNesting.Set:
                if (planned.Elements.Any(e => e.IsUnknown))
                {
                    errors.Add($"{Root(path)}: planned set block element must not be unknown");
                }

                break;
        }
    }

    private static CtyValue Attr(CtyValue value, string name) =>
        value.Type.Kind == CtyTypeKind.Object && value.Type.Attributes.ContainsKey(name) ? value.GetAttribute(name) : CtyValue.Null(CtyType.Dynamic);

    private static string Root(string path) => path.Length == 0 ? "(root)" : path;
}

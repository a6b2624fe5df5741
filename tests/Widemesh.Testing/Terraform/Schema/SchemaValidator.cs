using System.Text.RegularExpressions;
using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Testing.Terraform.Schema;

/// <summary>Terraform's <c>configschema.InternalValidate</c> rules (protocol doc §2.3).</summary>
public static partial class SchemaValidator
{
    /// <summary>Every rule the schema breaks, each prefixed with the attribute or block it is about.</summary>
    public static IReadOnlyList<string> InternalValidate(ResourceSchema schema)
    {
        var errors = new List<string>();
        if (schema.Version < 0)
        {
            errors.Add($"schema version {schema.Version} is negative");
        }

        ValidateBlock(schema.Block, "", errors, insideComputedBlock: false);
        return errors;
    }

    private static void ValidateBlock(SchemaBlock block, string prefix, List<string> errors, bool insideComputedBlock)
    {
        var computed = insideComputedBlock || block.Computed;
        foreach (var attribute in block.Attributes)
        {
            ValidateAttribute(attribute, prefix + attribute.Name, errors, computed, insideSet: false);
        }

        foreach (var nested in block.BlockTypes)
        {
            var name = prefix + nested.TypeName;
            if (!BlockTypeNamePattern().IsMatch(nested.TypeName))
            {
                errors.Add($"{name}: name may contain only lowercase letters, digits and underscores");
            }

            if (block.Attributes.Any(a => a.Name == nested.TypeName))
            {
                errors.Add($"{name}: name defined as both an attribute and a nested block type");
            }

            if (nested.MinItems < 0 || nested.MaxItems < 0)
            {
                errors.Add($"{name}: MinItems and MaxItems must both be greater than zero");
            }

            switch (nested.Nesting)
            {
                case SchemaNesting.Single:
                    if (nested.MinItems != nested.MaxItems || nested.MinItems > 1)
                    {
                        errors.Add($"{name}: MinItems and MaxItems must match and be 0 or 1 in NestingSingle mode");
                    }

                    break;
                case SchemaNesting.Group:
                    if (nested.MinItems != 0 || nested.MaxItems != 0)
                    {
                        errors.Add($"{name}: MinItems and MaxItems cannot be used in NestingGroup mode");
                    }

                    if (nested.Block.Computed)
                    {
                        errors.Add($"{name}: NestingGroup blocks cannot be computed");
                    }

                    break;
                case SchemaNesting.List or SchemaNesting.Set:
                    if (nested.MinItems > nested.MaxItems && nested.MaxItems != 0)
                    {
                        errors.Add($"{name}: MinItems must be less than or equal to MaxItems in {nested.Nesting} mode");
                    }

                    if (nested.Nesting == SchemaNesting.Set && BlockHasDynamicOrWriteOnly(nested.Block))
                    {
                        errors.Add($"{name}: NestingSet blocks may not contain attributes of cty.DynamicPseudoType or write-only attributes");
                    }

                    break;
                case SchemaNesting.Map:
                    if (nested.MinItems != 0 || nested.MaxItems != 0)
                    {
                        errors.Add($"{name}: MinItems and MaxItems must both be 0 in NestingMap mode");
                    }

                    break;
                default:
                    errors.Add($"{name}: invalid nesting mode {nested.Nesting}");
                    break;
            }

            if (nested.Block.Computed && nested.MinItems > 0)
            {
                errors.Add($"{name}: computed blocks cannot have MinItems greater than zero");
            }

            ValidateBlock(nested.Block, name + ".", errors, computed);
        }
    }

    private static void ValidateAttribute(SchemaAttribute attribute, string name, List<string> errors, bool insideComputedBlock, bool insideSet)
    {
        if (!attribute.Optional && !attribute.Required && !attribute.Computed)
        {
            errors.Add($"{name}: must set Optional, Required or Computed");
        }

        if (attribute.Optional && attribute.Required)
        {
            errors.Add($"{name}: cannot set both Optional and Required");
        }

        if (attribute.Computed && attribute.Required)
        {
            errors.Add($"{name}: cannot set both Computed and Required");
        }

        if (insideComputedBlock && !attribute.Computed)
        {
            errors.Add($"{name}: attributes inside a computed block must be computed");
        }

        if (!attribute.Deprecated && attribute.DeprecationMessage.Length > 0)
        {
            errors.Add($"{name}: DeprecationMessage set but Deprecated is false");
        }

        if ((attribute.Type is null) == (attribute.NestedType is null))
        {
            errors.Add($"{name}: exactly one of Type and NestedType must be set");
        }

        if (insideSet && (attribute.WriteOnly || attribute.Type?.HasDynamic() == true))
        {
            errors.Add($"{name}: sets may not contain attributes of cty.DynamicPseudoType or write-only attributes");
        }

        if (attribute.NestedType is { } nested)
        {
            if (nested.Nesting is not (SchemaNesting.Single or SchemaNesting.List or SchemaNesting.Set or SchemaNesting.Map))
            {
                errors.Add($"{name}: invalid nesting mode {nested.Nesting} for a nested attribute");
            }

            foreach (var inner in nested.Attributes)
            {
                ValidateAttribute(inner, $"{name}.{inner.Name}", errors, insideComputedBlock, insideSet || nested.Nesting == SchemaNesting.Set);
            }
        }
    }

    private static bool BlockHasDynamicOrWriteOnly(SchemaBlock block) =>
        block.Attributes.Any(a => a.WriteOnly || a.ImpliedType().HasDynamic())
        || block.BlockTypes.Any(b => BlockHasDynamicOrWriteOnly(b.Block));

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex BlockTypeNamePattern();
}

using System.Text.RegularExpressions;

namespace Widemesh.Provider.Schema;

/// <summary>
/// Terraform's <c>configschema.InternalValidate</c> rules for the attributes our schemas use
/// (protocol doc §2.3). Returns one message per broken rule; empty when the schema is valid.
/// </summary>
internal static partial class SchemaValidator
{
    public static IReadOnlyList<string> Validate(string typeName, ResourceSchema schema)
    {
        var problems = new List<string>();
        if (schema.Version < 0)
        {
            problems.Add($"{typeName}: schema version {schema.Version} is negative.");
        }

        ValidateBlock(typeName, schema.Block, problems);
        return problems;
    }

    private static void ValidateBlock(string typeName, SchemaBlock block, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var nested in block.NestedBlocks)
        {
            if (!seen.Add(nested.TypeName))
            {
                problems.Add($"{typeName}.{nested.TypeName}: the block type is declared twice.");
            }

            if (!IdentifierPattern().IsMatch(nested.TypeName))
            {
                problems.Add($"{typeName}.{nested.TypeName}: the name is not a valid identifier (^[a-z0-9_]+$).");
            }

            ValidateBlock($"{typeName}.{nested.TypeName}", nested.Block, problems);
        }

        foreach (var attribute in block.Attributes)
        {
            var where = $"{typeName}.{attribute.Name}";
            if (!seen.Add(attribute.Name))
            {
                problems.Add($"{where}: the attribute is declared twice.");
            }

            if (!IdentifierPattern().IsMatch(attribute.Name))
            {
                problems.Add($"{where}: the name is not a valid identifier (^[a-z0-9_]+$).");
            }

            if (!attribute.Optional && !attribute.Required && !attribute.Computed)
            {
                problems.Add($"{where}: must set optional, required or computed.");
            }

            if (attribute.Optional && attribute.Required)
            {
                problems.Add($"{where}: cannot set both optional and required.");
            }

            if (attribute.Computed && attribute.Required)
            {
                problems.Add($"{where}: cannot set both computed and required.");
            }

            if (string.IsNullOrWhiteSpace(attribute.Description))
            {
                problems.Add($"{where}: needs a description for the docs.");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex IdentifierPattern();
}

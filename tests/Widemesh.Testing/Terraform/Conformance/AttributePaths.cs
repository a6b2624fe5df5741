using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>Evaluates and formats attribute paths.</summary>
public static class AttributePaths
{
    public static string Format(IEnumerable<AttributePathStep> steps)
    {
        var text = string.Concat(steps.Select(s => s.ToString()));
        return text.StartsWith('.') ? text[1..] : text;
    }

    /// <summary>The value at <paramref name="steps"/>, or false when the path does not exist in the value.</summary>
    public static bool TryEvaluate(CtyValue value, IReadOnlyList<AttributePathStep> steps, out CtyValue result)
    {
        result = value;
        foreach (var step in steps)
        {
            if (result.IsNull)
            {
                return false;
            }

            if (step.AttributeName is { } name)
            {
                if (result.Type.Kind != CtyTypeKind.Object || !result.Type.Attributes.ContainsKey(name))
                {
                    return false;
                }

                result = result.GetAttribute(name);
            }
            else if (step.ElementKey is { } key)
            {
                if (result.Type.Kind is not (CtyTypeKind.Map or CtyTypeKind.Object) || !result.IsKnown || !result.Entries.TryGetValue(key, out var entry))
                {
                    return false;
                }

                result = entry;
            }
            else if (step.ElementIndex is { } index)
            {
                if (result.Type.Kind is not (CtyTypeKind.List or CtyTypeKind.Tuple) || !result.IsKnown || index < 0 || index >= result.Elements.Count)
                {
                    return false;
                }

                result = result.Elements[(int)index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the path names something the schema's type allows (an attribute, a key or an index).</summary>
    public static bool ExistsInType(CtyType type, IReadOnlyList<AttributePathStep> steps)
    {
        var current = type;
        foreach (var step in steps)
        {
            if (step.AttributeName is { } name)
            {
                if (current.Kind != CtyTypeKind.Object || !current.Attributes.TryGetValue(name, out var next))
                {
                    return false;
                }

                current = next;
            }
            else if (step.ElementKey is not null)
            {
                if (current.Kind != CtyTypeKind.Map)
                {
                    return current.Kind == CtyTypeKind.Dynamic;
                }

                current = current.Element!;
            }
            else if (step.ElementIndex is not null)
            {
                if (current.Kind is not (CtyTypeKind.List or CtyTypeKind.Tuple))
                {
                    return current.Kind == CtyTypeKind.Dynamic;
                }

                current = current.Kind == CtyTypeKind.List ? current.Element! : CtyType.Dynamic;
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}

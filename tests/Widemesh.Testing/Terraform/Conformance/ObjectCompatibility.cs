using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Schema;

namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>
/// Terraform's <c>objchange.AssertObjectCompatible</c> (protocol doc §4.6): every value known in the plan must be
/// identical in the later value; unknowns may become anything their refinements allow.
/// </summary>
public static class ObjectCompatibility
{
    public static IReadOnlyList<string> AssertObjectCompatible(SchemaBlock schema, CtyValue planned, CtyValue actual)
    {
        var errors = new List<string>();
        if (planned.IsNull && !actual.IsNull)
        {
            errors.Add("Root object was absent, but now present");
        }
        else if (!planned.IsNull && actual.IsNull)
        {
            errors.Add("Root object was present, but now absent");
        }
        else if (!planned.IsNull)
        {
            AssertValue(planned, actual, "", errors, SensitivePaths(schema));
        }

        return errors;
    }

    private static HashSet<string> SensitivePaths(SchemaBlock schema) =>
        [.. schema.Attributes.Where(a => a.Sensitive).Select(a => "." + a.Name)];

    private static void AssertValue(CtyValue planned, CtyValue actual, string path, List<string> errors, HashSet<string> sensitive)
    {
        var before = errors.Count;
        AssertValueCore(planned, actual, path, errors, sensitive);
        if (errors.Count > before && sensitive.Contains(path))
        {
            errors.RemoveRange(before, errors.Count - before);
            errors.Add($"{path}: inconsistent values for sensitive attribute");
        }
    }

    private static void AssertValueCore(CtyValue planned, CtyValue actual, string path, List<string> errors, HashSet<string> sensitive)
    {
        var at = path.Length == 0 ? "(root)" : path;
        if (planned.Type.Kind == CtyTypeKind.Dynamic)
        {
            return;
        }

        if (!actual.Type.Equals(planned.Type))
        {
            errors.Add($"{at}: wrong final value type: expected {planned.Type}, got {actual.Type}");
            return;
        }

        if (planned.IsUnknown)
        {
            CheckRefinement(planned.Refinement, actual, at, errors);
            return;
        }

        if (actual.IsUnknown)
        {
            errors.Add($"{at}: was known, but now unknown");
            return;
        }

        if (planned.IsNull || actual.IsNull)
        {
            if (planned.IsNull && !actual.IsNull)
            {
                errors.Add($"{at}: was null, but now {actual}");
            }
            else if (!planned.IsNull && actual.IsNull)
            {
                errors.Add($"{at}: was {planned}, but now null");
            }

            return;
        }

        switch (planned.Type.Kind)
        {
            case CtyTypeKind.String or CtyTypeKind.Number or CtyTypeKind.Bool:
                if (!planned.Equals(actual))
                {
                    errors.Add($"{at}: was {planned}, but now {actual}");
                }

                break;
            case CtyTypeKind.List or CtyTypeKind.Tuple:
                for (var i = 0; i < Math.Max(planned.Elements.Count, actual.Elements.Count); i++)
                {
                    if (i >= actual.Elements.Count)
                    {
                        errors.Add($"{at}: element {i} has vanished");
                    }
                    else if (i >= planned.Elements.Count)
                    {
                        errors.Add($"{at}: new element {i} has appeared");
                    }
                    else
                    {
                        AssertValue(planned.Elements[i], actual.Elements[i], $"{path}[{i}]", errors, sensitive);
                    }
                }

                break;
            case CtyTypeKind.Map or CtyTypeKind.Object:
                foreach (var (key, plannedEntry) in planned.Entries)
                {
                    var child = planned.Type.Kind == CtyTypeKind.Object ? $"{path}.{key}" : $"{path}[\"{key}\"]";
                    if (!actual.Entries.TryGetValue(key, out var actualEntry))
                    {
                        errors.Add($"{at}: element \"{key}\" has vanished");
                        continue;
                    }

                    AssertValue(plannedEntry, actualEntry, child, errors, sensitive);
                }

                foreach (var key in actual.Entries.Keys.Where(k => !planned.Entries.ContainsKey(k)))
                {
                    errors.Add($"{at}: new element \"{key}\" has appeared");
                }

                break;
            case CtyTypeKind.Set:
                if (actual.Elements.Count > planned.Elements.Count)
                {
                    errors.Add($"{at}: block set length changed from {planned.Elements.Count} to {actual.Elements.Count}");
                }

                foreach (var plannedElement in planned.Elements)
                {
                    if (!actual.Elements.Any(a => Compatible(plannedElement, a)))
                    {
                        errors.Add($"{at}: planned set element {plannedElement} does not correlate with any element in actual");
                    }
                }

                foreach (var actualElement in actual.Elements)
                {
                    if (!planned.Elements.Any(p => Compatible(p, actualElement)))
                    {
                        errors.Add($"{at}: actual set element {actualElement} does not correlate with any element in plan");
                    }
                }

                break;
        }
    }

    private static bool Compatible(CtyValue planned, CtyValue actual)
    {
        var errors = new List<string>();
        AssertValueCore(planned, actual, "", errors, []);
        return errors.Count == 0;
    }

    private static void CheckRefinement(CtyRefinement? refinement, CtyValue actual, string at, List<string> errors)
    {
        if (refinement is null || actual.IsUnknown)
        {
            return;
        }

        if (refinement.DefinitelyNotNull == true && actual.IsNull)
        {
            errors.Add($"{at}: final value null does not conform to planning placeholder (must not be null)");
            return;
        }

        if (actual.IsNull)
        {
            return;
        }

        if (refinement.StringPrefix is { } prefix && actual.StringValue?.StartsWith(prefix, StringComparison.Ordinal) == false)
        {
            errors.Add($"{at}: final value {actual} does not conform to planning placeholder (must have prefix \"{prefix}\")");
        }

        var count = actual.Type.Kind == CtyTypeKind.Map ? actual.Entries.Count : actual.Elements.Count;
        if (refinement.LengthLowerBound is { } min && count < min)
        {
            errors.Add($"{at}: final value {actual} does not conform to planning placeholder (length must be at least {min})");
        }

        if (refinement.LengthUpperBound is { } max && count > max)
        {
            errors.Add($"{at}: final value {actual} does not conform to planning placeholder (length must be at most {max})");
        }

        if (actual.NumberValue is { } number)
        {
            if (refinement.LowerBound is { } lower && Compare(number, lower.Value) is var c && (c < 0 || (c == 0 && !lower.Inclusive)))
            {
                errors.Add($"{at}: final value {actual} does not conform to planning placeholder (below lower bound {lower.Value})");
            }

            if (refinement.UpperBound is { } upper && Compare(number, upper.Value) is var d && (d > 0 || (d == 0 && !upper.Inclusive)))
            {
                errors.Add($"{at}: final value {actual} does not conform to planning placeholder (above upper bound {upper.Value})");
            }
        }
    }

    private static int Compare(CtyNumber a, CtyNumber b)
    {
        if (a.Infinity != 0 || b.Infinity != 0)
        {
            return a.Infinity.CompareTo(b.Infinity);
        }

        var exponent = Math.Min(a.Exponent, b.Exponent);
        var left = a.Mantissa * System.Numerics.BigInteger.Pow(10, a.Exponent - exponent);
        var right = b.Mantissa * System.Numerics.BigInteger.Pow(10, b.Exponent - exponent);
        return left.CompareTo(right);
    }
}

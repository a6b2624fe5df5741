using System.Text;
using Widemesh.Provider.Cty;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>Renders values as Terraform's plan output does: quoted strings, lists in brackets, <c>(known after apply)</c>.</summary>
internal static class ValueText
{
    public static string Of(CtyValue value)
    {
        if (value.IsUnknown)
        {
            return "(known after apply)";
        }

        if (value.IsNull)
        {
            return "null";
        }

        switch (value.Type.Kind)
        {
            case CtyTypeKind.String:
                return Quote(value.AsString());
            case CtyTypeKind.Number:
                return value.AsNumber().ToString() ?? "0";
            case CtyTypeKind.Bool:
                return value.AsBool() ? "true" : "false";
            case CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Tuple:
                return "[" + string.Join(", ", value.Elements.Select(Of)) + "]";
            case CtyTypeKind.Map or CtyTypeKind.Object:
                var builder = new StringBuilder("{ ");
                builder.AppendJoin(", ", value.Attributes.Select(a => $"{a.Key} = {Of(a.Value)}"));
                return builder.Append(" }").ToString();
            default:
                return value.ToString();
        }
    }

    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}

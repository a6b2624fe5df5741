using System.Text;
using Widemesh.Cli.Output;
using Widemesh.Provider.Cty;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>
/// Renders a list attribute over several lines the way Terraform's plan does: one element per line,
/// <c>+</c> for added, <c>-</c> for removed, unmarked for kept (a longest-common-subsequence diff).
/// </summary>
internal static class ListDiffText
{
    public static bool Applies(CtyValue? before, CtyValue? after) =>
        IsKnownList(before) || IsKnownList(after);

    /// <summary>The text after <c>name = </c>: <c>[</c>, the element lines, and the closing <c>]</c>.</summary>
    public static string Render(CtyValue? before, CtyValue? after, TerminalStyle style)
    {
        var old = IsKnownList(before) ? before!.Elements.Select(ValueText.Of).ToList() : [];
        var current = IsKnownList(after) ? after!.Elements.Select(ValueText.Of).ToList() : [];
        var builder = new StringBuilder("[\n");
        foreach (var (mark, text) in Diff(old, current))
        {
            var prefix = mark switch
            {
                '+' => "          " + style.Green("+") + " ",
                '-' => "          " + style.Red("-") + " ",
                _ => "            ",
            };
            builder.Append(prefix).Append(text).Append(",\n");
        }

        builder.Append("        ]");
        if (after is null or { IsNull: true })
        {
            builder.Append(" -> null");
        }
        else if (after.IsUnknown)
        {
            builder.Append(" -> (known after apply)");
        }

        return builder.ToString();
    }

    private static bool IsKnownList(CtyValue? value) =>
        value is { IsKnown: true } && value.Type.Kind is CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Tuple;

    private static List<(char Mark, string Text)> Diff(List<string> old, List<string> current)
    {
        var lengths = new int[old.Count + 1, current.Count + 1];
        for (var i = old.Count - 1; i >= 0; i--)
        {
            for (var j = current.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = old[i] == current[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var result = new List<(char, string)>();
        var (a, b) = (0, 0);
        while (a < old.Count || b < current.Count)
        {
            if (a < old.Count && b < current.Count && old[a] == current[b])
            {
                result.Add((' ', old[a]));
                a++;
                b++;
            }
            else if (b < current.Count && (a == old.Count || lengths[a, b + 1] >= lengths[a + 1, b]))
            {
                result.Add(('+', current[b++]));
            }
            else
            {
                result.Add(('-', old[a++]));
            }
        }

        return result;
    }
}

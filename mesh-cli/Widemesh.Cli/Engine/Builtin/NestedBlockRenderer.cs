using System.Text;
using Widemesh.Cli.Output;
using Widemesh.Provider.Cty;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>
/// Writes the changes of one nested block type in a plan, element by element as Terraform does for list
/// blocks: <c>+ stack { … }</c> added, <c>- stack { … }</c> removed, <c>~ stack { … }</c> changed (only the
/// changed arguments, with the <c>name</c> kept for orientation). Deeper blocks show as values.
/// </summary>
internal sealed class NestedBlockRenderer(TerminalStyle style)
{
    public void Render(StringBuilder builder, NestedBlockSchema block, CtyValue? before, CtyValue? after)
    {
        var prior = Elements(before);
        var planned = Elements(after);
        for (var i = 0; i < Math.Max(prior.Count, planned.Count); i++)
        {
            var old = i < prior.Count ? prior[i] : null;
            var now = i < planned.Count ? planned[i] : null;
            if (old is not null && now is not null && old.ValueEquals(now))
            {
                continue;
            }

            var mark = old is null ? style.Green("+") : now is null ? style.Red("-") : style.Yellow("~");
            builder.Append("      ").Append(mark).Append(' ').Append(block.TypeName).Append(" {\n");
            var lines = new List<(string Mark, string Name, string Text)>();
            var names = block.Block.Attributes.Select(a => a.Name).Concat(block.Block.Blocks.Select(b => b.TypeName)).Order(StringComparer.Ordinal);
            foreach (var name in names)
            {
                var a = old?[name];
                var b = now?[name];
                if (old is null && b is { IsNull: false } && !IsEmptyCollection(b))
                {
                    lines.Add((style.Green("+"), name, ValueText.Of(b)));
                }
                else if (now is null && a is { IsNull: false })
                {
                    lines.Add((style.Red("-"), name, ValueText.Of(a) + " -> null"));
                }
                else if (a is not null && b is not null && !a.ValueEquals(b))
                {
                    lines.Add((a.IsNull ? style.Green("+") : style.Yellow("~"), name, a.IsNull ? ValueText.Of(b) : $"{ValueText.Of(a)} -> {ValueText.Of(b)}"));
                }
                else if (name == "name" && b is { IsNull: false })
                {
                    lines.Add((" ", name, ValueText.Of(b)));
                }
            }

            var width = lines.Count == 0 ? 0 : lines.Max(l => l.Name.Length);
            foreach (var (lineMark, name, text) in lines)
            {
                builder.Append("          ").Append(lineMark).Append(' ').Append(name.PadRight(width)).Append(" = ").Append(text).Append('\n');
            }

            builder.Append("        }\n");
        }
    }

    private static bool IsEmptyCollection(CtyValue value) =>
        value.IsKnown && value.Type.Kind is CtyTypeKind.List or CtyTypeKind.Set && value.Elements.Count == 0;

    private static IReadOnlyList<CtyValue> Elements(CtyValue? value) =>
        value is { IsKnown: true } known && known.Type.Kind is CtyTypeKind.List or CtyTypeKind.Set ? known.Elements : [];
}

using System.Text;

namespace Widemesh.Cli.Hcl;

/// <summary>
/// Writes new HCL the way <c>terraform fmt</c> would: two-space indentation, <c>=</c> aligned within runs of
/// single-line attributes, a blank line around blocks, quoted labels, escaped strings.
/// </summary>
internal static class HclWriter
{
    public static string Write(HclBodyBuilder body, string lineEnding = "\n", string indent = "")
    {
        var builder = new StringBuilder();
        WriteBody(builder, body.Items, indent, lineEnding);
        return builder.ToString();
    }

    private static bool SpansLines(string expression) =>
        expression.Contains('\n', StringComparison.Ordinal)
        && (HclParser.ParseExpression(expression + "\n", "<expression>", out _)?.SpansLines ?? true);

    /// <summary>Blocks are set apart by blank lines; a comment goes with the item after it.</summary>
    private static bool NeedsBlankLine(IReadOnlyList<HclBuilderItem> items, int index)
    {
        if (index == 0 || items[index - 1].IsComment)
        {
            return false;
        }

        var described = items.Skip(index).FirstOrDefault(i => !i.IsComment) ?? items[index];
        return described.IsBlock || items[index - 1].IsBlock;
    }

    private static void WriteBody(StringBuilder builder, IReadOnlyList<HclBuilderItem> items, string indent, string lineEnding)
    {
        var expressions = items.Select(i => i.IsAttribute ? i.RawExpression ?? HclValueFormatter.Format(i.Value!, indent, lineEnding) : "").ToList();
        var singleLine = items.Select((item, i) => item.IsAttribute && !SpansLines(expressions[i])).ToList();
        var widths = HclAlignment.Widths([.. items.Select(i => i.Name)], singleLine);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (NeedsBlankLine(items, i))
            {
                builder.Append(lineEnding);
            }

            if (item.IsComment)
            {
                foreach (var line in item.Name.Split('\n'))
                {
                    builder.Append(indent).Append(("# " + line.TrimEnd('\r')).TrimEnd()).Append(lineEnding);
                }

                continue;
            }

            builder.Append(indent);
            if (item.IsBlock)
            {
                builder.Append(item.Name);
                foreach (var label in item.Labels)
                {
                    builder.Append(' ').Append(HclValueFormatter.Quote(label));
                }

                builder.Append(" {").Append(lineEnding);
                WriteBody(builder, item.Body!.Items, indent + "  ", lineEnding);
                builder.Append(indent).Append('}').Append(lineEnding);
            }
            else
            {
                builder.Append(item.Name.PadRight(widths[i])).Append(" = ").Append(expressions[i]).Append(lineEnding);
            }
        }
    }
}

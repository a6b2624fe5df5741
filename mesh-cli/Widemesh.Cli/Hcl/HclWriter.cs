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

    private static void WriteBody(StringBuilder builder, IReadOnlyList<HclBuilderItem> items, string indent, string lineEnding)
    {
        var expressions = items.Select(i => i.IsBlock ? "" : i.RawExpression ?? HclValueFormatter.Format(i.Value!, indent, lineEnding)).ToList();
        var singleLine = items.Select((item, i) => !item.IsBlock && !expressions[i].Contains('\n', StringComparison.Ordinal)).ToList();
        var widths = HclAlignment.Widths([.. items.Select(i => i.Name)], singleLine);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (i > 0 && (item.IsBlock || items[i - 1].IsBlock))
            {
                builder.Append(lineEnding);
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

using System.Text;

namespace Widemesh.Cli.Hcl;

/// <summary>
/// Writes a value as <c>terraform fmt</c> leaves it: lists of scalars on one line (<c>["a", "b"]</c>), objects one
/// attribute per line with <c>=</c> aligned, strings escaped.
/// </summary>
internal static class HclValueFormatter
{
    private static readonly HashSet<string> KeywordKeys = ["true", "false", "null", "for"];

    /// <param name="indent">The indentation of the line the value starts on.</param>
    public static string Format(HclValue value, string indent = "", string lineEnding = "\n")
    {
        var builder = new StringBuilder();
        Write(builder, value, indent, lineEnding);
        return builder.ToString();
    }

    /// <summary>A non-empty list with one item per line (and a trailing comma), for lists a user wrote that way.</summary>
    public static string FormatListOnLines(HclList list, string indent = "", string lineEnding = "\n")
    {
        var builder = new StringBuilder();
        WriteListOnLines(builder, list, indent, lineEnding);
        return builder.ToString();
    }

    public static string Quote(string text) => "\"" + HclStringEscapes.Encode(text) + "\"";

    /// <summary>An object key: bare when it is an identifier, quoted otherwise.</summary>
    public static string Key(string name) => HclCharacters.IsIdentifier(name) && !KeywordKeys.Contains(name) ? name : Quote(name);

    public static bool IsSingleLine(HclValue value) => value switch
    {
        HclList list => list.Items.All(i => i is not HclObject o || o.Attributes.Count == 0) && list.Items.All(IsSingleLine),
        HclObject obj => obj.Attributes.Count == 0,
        _ => true,
    };

    private static void Write(StringBuilder builder, HclValue value, string indent, string lineEnding)
    {
        switch (value)
        {
            case HclString s:
                builder.Append(Quote(s.Value));
                break;
            case HclNumber or HclBool:
                builder.Append(HclEvaluator.ToTemplateString(value));
                break;
            case HclNull:
                builder.Append("null");
                break;
            case HclList list:
                WriteList(builder, list, indent, lineEnding);
                break;
            case HclObject obj:
                WriteObject(builder, obj, indent, lineEnding);
                break;
        }
    }

    private static void WriteList(StringBuilder builder, HclList list, string indent, string lineEnding)
    {
        if (IsSingleLine(list))
        {
            builder.Append('[');
            for (var i = 0; i < list.Items.Count; i++)
            {
                builder.Append(i > 0 ? ", " : "");
                Write(builder, list.Items[i], indent, lineEnding);
            }

            builder.Append(']');
            return;
        }

        WriteListOnLines(builder, list, indent, lineEnding);
    }

    private static void WriteListOnLines(StringBuilder builder, HclList list, string indent, string lineEnding)
    {
        var inner = indent + "  ";
        builder.Append('[').Append(lineEnding);
        foreach (var item in list.Items)
        {
            builder.Append(inner);
            Write(builder, item, inner, lineEnding);
            builder.Append(',').Append(lineEnding);
        }

        builder.Append(indent).Append(']');
    }

    private static void WriteObject(StringBuilder builder, HclObject obj, string indent, string lineEnding)
    {
        if (obj.Attributes.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        var inner = indent + "  ";
        var keys = obj.Attributes.Select(a => Key(a.Key)).ToList();
        var widths = HclAlignment.Widths(keys, obj.Attributes.Select(a => IsSingleLine(a.Value)).ToList());
        builder.Append('{').Append(lineEnding);
        for (var i = 0; i < keys.Count; i++)
        {
            builder.Append(inner).Append(keys[i].PadRight(widths[i])).Append(" = ");
            Write(builder, obj.Attributes[i].Value, inner, lineEnding);
            builder.Append(lineEnding);
        }

        builder.Append(indent).Append('}');
    }
}

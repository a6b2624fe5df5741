using System.Text;

namespace Widemesh.Cli.Hcl;

internal sealed partial class HclEvaluator
{
    /// <summary>How a value reads inside a template: strings as is, numbers in decimal, bools as true/false.</summary>
    public static string? ToTemplateString(HclValue value) => value switch
    {
        HclString s => s.Value,
        HclNumber n => n.ToString(),
        HclBool b => b.Value ? "true" : "false",
        _ => null,
    };

    private HclValue? EvalTemplate(HclTemplateExpression template)
    {
        var parts = template.Parts;
        if (!template.IsHeredoc && parts is [HclTemplateInterpolation only])
        {
            return Eval(only.Expression);
        }

        var literals = LiteralTexts(template);
        var builder = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            switch (parts[i])
            {
                case HclTemplateLiteral:
                    builder.Append(literals[i]);
                    break;
                case HclTemplateInterpolation interpolation:
                    var value = Eval(interpolation.Expression);
                    if (value is null)
                    {
                        return null;
                    }

                    if (ToTemplateString(value) is not { } text)
                    {
                        return Unsupported(value is HclNull ? "a null value in a template" : "a collection in a template", interpolation);
                    }

                    builder.Append(text);
                    break;
                default:
                    return Unsupported("a template directive", parts[i]);
            }
        }

        return new HclString(builder.ToString());
    }

    /// <summary>Decoded text of each literal part: de-indented (<c>&lt;&lt;-</c>), stripped next to <c>~</c>, unescaped.</summary>
    private static string[] LiteralTexts(HclTemplateExpression template)
    {
        var parts = template.Parts;
        var texts = parts.Select(p => p is HclTemplateLiteral l ? l.Token.Text : "").ToArray();
        if (template.IsIndentedHeredoc)
        {
            Dedent(parts, texts);
        }

        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i] is not HclTemplateLiteral)
            {
                continue;
            }

            if (i + 1 < parts.Count && parts[i + 1] is HclTemplateInterpolation next && next.Open.Text.EndsWith('~'))
            {
                texts[i] = texts[i].TrimEnd();
            }

            if (i > 0 && parts[i - 1] is HclTemplateInterpolation previous && previous.Close.Text.StartsWith('~'))
            {
                texts[i] = texts[i].TrimStart();
            }

            texts[i] = template.IsHeredoc ? HclStringEscapes.DecodeTemplateEscapes(texts[i]) : HclStringEscapes.Decode(texts[i]);
        }

        return texts;
    }

    private static void Dedent(IReadOnlyList<HclTemplatePart> parts, string[] texts)
    {
        var lineStarts = Enumerable.Range(0, parts.Count)
            .Where(i => parts[i] is HclTemplateLiteral && (i == 0 || (parts[i - 1] is HclTemplateLiteral && texts[i - 1].EndsWith('\n'))))
            .ToList();
        var indents = lineStarts
            .Where(i => texts[i].TrimEnd('\r', '\n').Length > 0)
            .Select(i => texts[i].Length - texts[i].TrimStart(' ', '\t').Length)
            .ToList();
        var remove = indents.Count == 0 ? 0 : indents.Min();
        foreach (var i in lineStarts)
        {
            var leading = texts[i].Length - texts[i].TrimStart(' ', '\t').Length;
            texts[i] = texts[i][Math.Min(remove, leading)..];
        }
    }
}

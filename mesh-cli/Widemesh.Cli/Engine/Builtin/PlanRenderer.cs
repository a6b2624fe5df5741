using System.Text;
using Widemesh.Cli.Output;
using Widemesh.Provider.Cty;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>Writes the built-in engine's plan in Terraform's notation (<c>+</c>, <c>~</c>, <c>-</c>, <c>-/+</c>).</summary>
internal sealed class PlanRenderer(TerminalStyle style)
{
    private static readonly HashSet<string> IdentifyingAttributes = ["id", "name"];

    public string Render(IReadOnlyList<ResourceStep> steps)
    {
        var changing = steps.Where(s => s.Action != ChangeAction.NoOp || s.Importing).ToList();
        var builder = new StringBuilder();
        if (changing.Count == 0)
        {
            builder.Append(style.Bold("No changes.")).Append(" Your infrastructure matches the configuration.\n");
            return builder.ToString();
        }

        builder.Append("mesh (built-in engine) will perform the following actions. Resource actions are indicated with the following symbols:\n");
        foreach (var action in changing.Select(s => s.Action).Distinct().Order())
        {
            builder.Append(action switch
            {
                ChangeAction.Create => "  " + style.Green("+") + " create\n",
                ChangeAction.Update => "  " + style.Yellow("~") + " update in-place\n",
                ChangeAction.Delete => "  " + style.Red("-") + " destroy\n",
                ChangeAction.Replace => style.Red("-") + "/" + style.Green("+") + " destroy and then create replacement\n",
                _ => string.Empty,
            });
        }

        builder.Append('\n');
        foreach (var step in changing)
        {
            RenderStep(builder, step);
            builder.Append('\n');
        }

        var summary = ChangeSummaries.Of([.. steps.Select(s => s.ToPlannedChange())]);
        builder.Append(style.Bold("Plan:")).Append(' ');
        if (summary.Import > 0)
        {
            builder.Append(summary.Import).Append(" to import, ");
        }

        builder.Append(summary.Add).Append(" to add, ").Append(summary.Change).Append(" to change, ").Append(summary.Destroy).Append(" to destroy.\n");
        return builder.ToString();
    }

    private void RenderStep(StringBuilder builder, ResourceStep step)
    {
        var (verb, symbol) = step.Action switch
        {
            ChangeAction.Create => ("will be created", style.Green("+") + " "),
            ChangeAction.Update => ("will be updated in-place", style.Yellow("~") + " "),
            ChangeAction.Delete => ("will be destroyed", style.Red("-") + " "),
            ChangeAction.Replace => ("must be replaced", style.Red("-") + "/" + style.Green("+") + " "),
            _ => ("will be imported", "  "),
        };
        if (step.Importing && step.Action != ChangeAction.NoOp)
        {
            verb = "will be imported and " + verb[(verb.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        }

        builder.Append(style.Bold($"  # {step.Address} {verb}")).Append('\n');
        builder.Append(step.Action == ChangeAction.Replace ? symbol : "  " + symbol)
            .Append($"resource \"{step.Type}\" \"{step.Name}\" {{\n");

        var after = step.Action == ChangeAction.Replace ? step.ReplacementPlan ?? step.Planned : step.Planned;
        var lines = new List<(string Mark, string Name, string Text)>();
        var hidden = 0;
        foreach (var attribute in step.Schema.Attributes.Select(a => a.Name).Order(StringComparer.Ordinal))
        {
            var before = step.Prior.IsNull ? null : step.Prior[attribute];
            var planned = after.IsNull ? null : after[attribute];
            switch (step.Action)
            {
                case ChangeAction.Create:
                    if (planned is { IsNull: false })
                    {
                        lines.Add((style.Green("+"), attribute, ListDiffText.Applies(null, planned) ? ListDiffText.Render(null, planned, style) : ValueText.Of(planned)));
                    }

                    break;
                case ChangeAction.Delete:
                    if (before is { IsNull: false })
                    {
                        lines.Add((style.Red("-"), attribute, ListDiffText.Applies(before, null) ? ListDiffText.Render(before, null, style) : ValueText.Of(before) + " -> null"));
                    }

                    break;
                default:
                    var same = before is not null && planned is not null && before.ValueEquals(planned);
                    if (!same)
                    {
                        var forces = step.ReplaceBecause.Contains(attribute) ? style.Red(" # forces replacement") : string.Empty;
                        var text = ListDiffText.Applies(before, planned) && planned is not { IsUnknown: true }
                            ? ListDiffText.Render(before, planned, style)
                            : before is null or { IsNull: true }
                                ? ValueText.Of(planned!)
                                : $"{ValueText.Of(before)} -> {ValueText.Of(planned ?? CtyValue.Null(before.Type))}";
                        lines.Add((before is null or { IsNull: true } ? style.Green("+") : style.Yellow("~"), attribute, text + forces));
                    }
                    else if (IdentifyingAttributes.Contains(attribute) && before is { IsNull: false })
                    {
                        lines.Add((" ", attribute, ValueText.Of(before)));
                    }
                    else if (before is { IsNull: false })
                    {
                        hidden++;
                    }

                    break;
            }
        }

        var width = lines.Count == 0 ? 0 : lines.Max(l => l.Name.Length);
        foreach (var (mark, name, text) in lines)
        {
            builder.Append("      ").Append(mark).Append(' ').Append(name.PadRight(width)).Append(" = ").Append(text).Append('\n');
        }

        if (hidden > 0)
        {
            builder.Append(style.Dim($"        # ({hidden} unchanged attribute{(hidden == 1 ? string.Empty : "s")} hidden)")).Append('\n');
        }

        foreach (var block in step.Schema.Blocks)
        {
            new NestedBlockRenderer(style).Render(builder, block, step.Prior.IsNull ? null : step.Prior[block.TypeName], after.IsNull ? null : after[block.TypeName]);
        }

        builder.Append("    }\n");
    }
}

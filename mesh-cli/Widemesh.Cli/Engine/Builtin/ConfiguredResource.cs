using Widemesh.Cli.Hcl;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>A <c>resource</c> block of the workspace with its evaluated arguments and nested blocks.</summary>
internal sealed record ConfiguredResource(
    string Type,
    string Name,
    IReadOnlyDictionary<string, (HclValue Value, SourceLocation Location)> Arguments,
    SourceLocation Location,
    IReadOnlyList<ConfiguredBlock>? NestedBlocks = null)
{
    public string Address => $"{Type}.{Name}";

    public IReadOnlyList<ConfiguredBlock> Blocks => NestedBlocks ?? [];

    /// <summary>Where a diagnostic's attribute path points in the HCL: the argument, else the nearest block, else the resource.</summary>
    public SourceLocation Locate(Tf.AttributePath? path)
    {
        var arguments = Arguments;
        var blocks = Blocks;
        var location = Location;
        var steps = path?.Steps ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].SelectorCase != Tf.AttributePath.Types.Step.SelectorOneofCase.AttributeName)
            {
                break;
            }

            var name = steps[i].AttributeName;
            if (arguments.TryGetValue(name, out var argument))
            {
                return argument.Location;
            }

            var ofType = blocks.Where(b => b.Type == name).ToList();
            if (ofType.Count == 0)
            {
                break;
            }

            var index = i + 1 < steps.Count && steps[i + 1].SelectorCase == Tf.AttributePath.Types.Step.SelectorOneofCase.ElementKeyInt ? (int)steps[i + 1].ElementKeyInt : 0;
            var block = ofType[Math.Clamp(index, 0, ofType.Count - 1)];
            (arguments, blocks, location) = (block.Arguments, block.Blocks, block.Location);
            if (i + 1 < steps.Count && steps[i + 1].SelectorCase == Tf.AttributePath.Types.Step.SelectorOneofCase.ElementKeyInt)
            {
                i++;
            }
        }

        return location;
    }
}

namespace Widemesh.Cli.Hcl;

/// <summary>An attribute (with a value or raw expression text) or a block, waiting to be written.</summary>
internal sealed record HclBuilderItem(string Name, HclValue? Value, string? RawExpression, IReadOnlyList<string> Labels, HclBodyBuilder? Body)
{
    public bool IsBlock => Body is not null;
}

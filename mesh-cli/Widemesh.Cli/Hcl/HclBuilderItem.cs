namespace Widemesh.Cli.Hcl;

/// <summary>An attribute (with a value or raw expression text), a block or a comment (Name holds its text), waiting to be written.</summary>
internal sealed record HclBuilderItem(
    string Name,
    HclValue? Value,
    string? RawExpression,
    IReadOnlyList<string> Labels,
    HclBodyBuilder? Body,
    bool IsComment = false)
{
    public bool IsBlock => Body is not null;

    public bool IsAttribute => !IsBlock && !IsComment;
}

namespace Widemesh.Cli.Hcl;

/// <summary>
/// The attributes and blocks of a file or block, in source order, followed by the closing <c>}</c> (or the end of
/// the file). It is the one mutable node: the editing methods change it in place and leave every other token alone.
/// </summary>
internal sealed partial record HclBody : HclNode
{
    private readonly List<HclBodyItem> _items;

    public HclBody(IEnumerable<HclBodyItem> items, HclToken close, HclBodyLayout layout)
    {
        _items = [.. items];
        Close = close;
        Layout = layout;
    }

    public IReadOnlyList<HclBodyItem> Items => _items;

    /// <summary>The closing brace of a block body, or the end-of-file token of a file (its trivia holds trailing comments).</summary>
    public HclToken Close { get; private set; }

    public HclBodyLayout Layout { get; }

    public IEnumerable<HclAttribute> Attributes => _items.OfType<HclAttribute>();

    public IEnumerable<HclBlock> Blocks => _items.OfType<HclBlock>();

    public HclAttribute? FindAttribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    /// <summary>The first block of this type whose labels start with <paramref name="labels"/>.</summary>
    public HclBlock? FindBlock(string type, params string[] labels) => FindBlocks(type, labels).FirstOrDefault();

    public IEnumerable<HclBlock> FindBlocks(string type, params string[] labels) =>
        Blocks.Where(b => b.Type == type && b.Labels.Count >= labels.Length && b.Labels.Take(labels.Length).SequenceEqual(labels));

    public override IEnumerable<HclSyntaxElement?> Children() => [.. _items, Close];
}

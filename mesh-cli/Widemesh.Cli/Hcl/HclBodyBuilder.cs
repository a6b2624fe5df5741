namespace Widemesh.Cli.Hcl;

/// <summary>
/// Describes the content of a new file or block; <see cref="HclWriter"/> turns it into <c>terraform fmt</c>-style text.
/// Items are written in the order they are added.
/// </summary>
internal sealed class HclBodyBuilder
{
    private readonly List<HclBuilderItem> _items = [];

    public IReadOnlyList<HclBuilderItem> Items => _items;

    public HclBodyBuilder Attribute(string name, HclValue value) => Add(new HclBuilderItem(ValidName(name), value, null, [], null));

    public HclBodyBuilder Attribute(string name, string value) => Attribute(name, HclValue.From(value));

    public HclBodyBuilder Attribute(string name, long value) => Attribute(name, HclValue.From(value));

    public HclBodyBuilder Attribute(string name, bool value) => Attribute(name, HclValue.From(value));

    public HclBodyBuilder Attribute(string name, IEnumerable<string> values) => Attribute(name, HclValue.List(values));

    /// <summary>An attribute whose expression is given as source text, such as a reference <c>widemesh_rack.local.name</c>.</summary>
    public HclBodyBuilder RawAttribute(string name, string expressionSource) =>
        Add(new HclBuilderItem(ValidName(name), null, expressionSource.Trim(), [], null));

    public HclBodyBuilder Block(string type, IReadOnlyList<string> labels, Action<HclBodyBuilder>? build = null)
    {
        var body = new HclBodyBuilder();
        build?.Invoke(body);
        return Add(new HclBuilderItem(ValidName(type), null, null, labels, body));
    }

    public HclBodyBuilder Block(string type, Action<HclBodyBuilder>? build = null) => Block(type, [], build);

    /// <summary>A <c># comment</c> line (one per line of <paramref name="text"/>) that stays with the item after it.</summary>
    public HclBodyBuilder Comment(string text) => Add(new HclBuilderItem(text, null, null, [], null, IsComment: true));

    private static string ValidName(string name) => HclCharacters.IsIdentifier(name)
        ? name
        : throw new ArgumentException($"\"{name}\" is not a valid HCL name: use letters, digits, '_' and '-', starting with a letter.", nameof(name));

    private HclBodyBuilder Add(HclBuilderItem item)
    {
        _items.Add(item);
        return this;
    }
}

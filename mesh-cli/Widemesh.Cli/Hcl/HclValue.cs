namespace Widemesh.Cli.Hcl;

/// <summary>
/// A value of an evaluated HCL expression: <see cref="HclString"/>, <see cref="HclNumber"/> (arbitrary precision),
/// <see cref="HclBool"/>, <see cref="HclNull"/>, <see cref="HclList"/> (tuples) or <see cref="HclObject"/> (ordered).
/// </summary>
internal abstract record HclValue
{
    public static HclValue Null => HclNull.Instance;

    public static HclValue From(string value) => new HclString(value);

    public static HclValue From(long value) => HclNumber.From(value);

    public static HclValue From(bool value) => new HclBool(value);

    public static HclValue List(params IEnumerable<HclValue> items) => new HclList([.. items]);

    public static HclValue List(IEnumerable<string> items) => new HclList([.. items.Select(From)]);

    public static HclValue Object(params (string Key, HclValue Value)[] attributes) =>
        new HclObject([.. attributes.Select(a => new KeyValuePair<string, HclValue>(a.Key, a.Value))]);

    public static HclValue Object(IEnumerable<KeyValuePair<string, HclValue>> attributes) => new HclObject([.. attributes]);

    /// <summary>The string content, or null when this is not a string.</summary>
    public string? AsString() => (this as HclString)?.Value;

    /// <summary>The strings of a list whose items are all strings, or null otherwise.</summary>
    public IReadOnlyList<string>? AsStringList() =>
        this is HclList list && list.Items.All(i => i is HclString) ? [.. list.Items.Select(i => ((HclString)i).Value)] : null;
}

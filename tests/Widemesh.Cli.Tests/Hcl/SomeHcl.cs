namespace Widemesh.Cli.Tests.Hcl;

/// <summary>Random but grammatical HCL expressions (with comments and newlines where they are allowed) for differential tests.</summary>
internal sealed class SomeHcl(int seed)
{
    private static readonly string[] Names = ["a", "b_c", "d-e", "for_x", "in", "if", "x1", "true_", "endif"];
    private static readonly string[] Operators = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||"];

    private readonly Random _random = new(seed);

    public string Expression(int depth = 0) => depth > 4 ? Leaf() : _random.Next(16) switch
    {
        1 => "[" + Gap() + string.Join("," + Gap(), Many(4, () => Expression(depth + 1))) + Maybe(",") + Gap() + "]",
        2 => "{" + Gap() + string.Join(Pick(",\n", "\n"), Many(4, () => Key() + Space() + Pick("=", ":") + Space() + Expression(depth + 1))) + "\n}",
        3 => Expression(depth + 1) + Space() + Pick(Operators) + Space() + Expression(depth + 1),
        4 => Pick("-", "!") + Expression(depth + 1),
        5 => "(" + Gap() + Expression(depth + 1) + Gap() + ")",
        6 => Expression(depth + 1) + Space() + "?" + Space() + Expression(depth + 1) + Space() + ":" + Space() + Expression(depth + 1),
        7 => Pick(Names) + "(" + Gap() + string.Join("," + Gap(), Many(3, () => Expression(depth + 1))) + Maybe("...") + Gap() + ")",
        8 => "[for " + Pick(Names) + Maybe(", " + Pick(Names)) + " in " + Expression(depth + 1) + Space() + ":" + Gap()
            + Expression(depth + 1) + Maybe(" if " + Expression(depth + 1)) + Gap() + "]",
        9 => "{for " + Pick(Names) + " in " + Expression(depth + 1) + " :" + Gap() + Expression(depth + 1) + " => "
            + Expression(depth + 1) + Maybe("...") + Gap() + "}",
        10 => Pick(Names) + Traversal(),
        11 => "\"" + Template(depth) + "\"",
        12 => "<<" + Maybe("-") + "EOT\n" + string.Concat(Many(3, () => "  " + Template(depth).Replace("\\\"", "q", StringComparison.Ordinal) + "\n")) + "  EOT\n",
        13 => "provider::" + Pick(Names) + "::" + Pick(Names) + "(" + Expression(depth + 1) + ")",
        _ => Leaf(),
    };

    private string Leaf() => _random.Next(7) switch
    {
        0 => _random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => "1.5e-3",
        2 => Pick("true", "false", "null"),
        3 => "\"s\"",
        4 => "var." + Pick(Names),
        _ => Pick(Names),
    };

    private string Key() => _random.Next(4) switch { 0 => "\"k y\"", 1 => "(" + Pick(Names) + ")", _ => Pick(Names) };

    private string Traversal() => string.Concat(Many(4, () => Pick("." + Pick(Names), "[" + _random.Next(3) + "]", "[*]", ".0")));

    private string Template(int depth) => string.Concat(Many(4, () => _random.Next(6) switch
    {
        0 => "${" + Maybe("~") + Space() + Expression(depth + 2) + Space() + Maybe("~") + "}",
        1 => "%{ if " + Leaf() + " }x%{ else }y%{ endif }",
        2 => "%{~ for " + Pick(Names) + " in " + Leaf() + " ~}z%{ endfor }",
        3 => "$${esc} %%{esc} \\\" \\n \\u00e9",
        _ => "text ",
    }));

    private string Space() => Pick("", "  ", " /* c */ ", " ", " ");

    private string Gap() => Pick("\n", " # c\n", "\n\n", Space());

    private string Maybe(string text) => _random.Next(2) == 0 ? text : "";

    private string Pick(params string[] options) => options[_random.Next(options.Length)];

    private IEnumerable<string> Many(int max, Func<string> make) => Enumerable.Range(0, _random.Next(max)).Select(_ => make()).ToList();
}

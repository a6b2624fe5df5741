namespace Widemesh.Cli.Output;

/// <summary>ANSI styling that switches itself off when the writer is not a terminal or <c>NO_COLOR</c> is set.</summary>
internal sealed class TerminalStyle(bool enabled)
{
    public bool Enabled { get; } = enabled;

    public static TerminalStyle ForOut(CliContext context) => new(context.OutIsTerminal && !context.NoColor);

    public static TerminalStyle ForError(CliContext context) => new(context.ErrorIsTerminal && !context.NoColor);

    public string Bold(string text) => Wrap("1", text);

    public string Green(string text) => Wrap("32", text);

    public string Yellow(string text) => Wrap("33", text);

    public string Red(string text) => Wrap("31", text);

    public string Dim(string text) => Wrap("2", text);

    private string Wrap(string code, string text) => Enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}

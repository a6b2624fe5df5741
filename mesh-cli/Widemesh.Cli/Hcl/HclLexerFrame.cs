namespace Widemesh.Cli.Hcl;

/// <summary>One level of the lexer's mode stack (a template, or the expressions inside <c>${</c>…<c>}</c>).</summary>
internal sealed class HclLexerFrame(HclLexerMode mode, string marker = "")
{
    public HclLexerMode Mode { get; } = mode;

    public string HeredocMarker { get; } = marker;

    public int BraceDepth { get; set; }

    public bool AtLineStart { get; set; } = true;
}

namespace Widemesh.Cli.Hcl;

internal enum HclLexerMode
{
    Normal,
    Interpolation,
    QuotedTemplate,
    HeredocTemplate,
}

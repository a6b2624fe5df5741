namespace Widemesh.Cli.Hcl;

internal sealed record HclLexResult(IReadOnlyList<HclToken> Tokens, IReadOnlyList<HclDiagnostic> Diagnostics);

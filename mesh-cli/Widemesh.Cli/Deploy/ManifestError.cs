namespace Widemesh.Cli.Deploy;

/// <summary>One problem in a manifest, printed as <c>widemesh.hcl:LINE:COL: what — fix</c>.</summary>
internal sealed record ManifestError(string File, int Line, int Column, string What, string Fix)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {What} — {Fix}";
}

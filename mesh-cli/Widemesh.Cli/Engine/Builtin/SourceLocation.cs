namespace Widemesh.Cli.Engine.Builtin;

/// <summary>A place in the workspace HCL, printed as <c>file:line:col</c>.</summary>
internal sealed record SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation Of(string file, Hcl.HclSyntaxElement element)
    {
        var token = element as Hcl.HclToken ?? ((Hcl.HclNode)element).FirstToken();
        return new SourceLocation(file, token?.Line ?? 0, token?.Column ?? 0);
    }

    public override string ToString() => $"{File}:{Line}:{Column}";
}

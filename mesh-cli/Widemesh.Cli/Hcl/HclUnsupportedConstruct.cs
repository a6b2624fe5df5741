namespace Widemesh.Cli.Hcl;

/// <summary>Something the evaluator does not compute (a reference, a function call, …) and where it is.</summary>
internal sealed record HclUnsupportedConstruct(string Kind, string File, int Line, int Column)
{
    public string Location => $"{File}:{Line}:{Column}";

    public override string ToString() => $"{Location}: {Kind} cannot be evaluated here";
}

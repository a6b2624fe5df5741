namespace Widemesh.Cli.Hcl;

/// <summary>Any expression of the native syntax, kept with all of its tokens.</summary>
internal abstract record HclExpression : HclNode;

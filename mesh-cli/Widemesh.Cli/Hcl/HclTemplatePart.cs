namespace Widemesh.Cli.Hcl;

/// <summary>A piece of a template: literal text, an interpolation or a directive.</summary>
internal abstract record HclTemplatePart : HclNode;

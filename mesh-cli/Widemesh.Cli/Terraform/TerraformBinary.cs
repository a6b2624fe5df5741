namespace Widemesh.Cli.Terraform;

/// <summary>A <c>terraform</c> or <c>tofu</c> executable; <see cref="Name"/> is which one.</summary>
internal sealed record TerraformBinary(string Path, string Name);

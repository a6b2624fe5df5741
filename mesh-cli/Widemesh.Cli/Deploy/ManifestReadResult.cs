namespace Widemesh.Cli.Deploy;

/// <summary>A manifest, or every problem found in it (then <see cref="Manifest"/> is null).</summary>
internal sealed record ManifestReadResult(DeployManifest? Manifest, IReadOnlyList<ManifestError> Errors);

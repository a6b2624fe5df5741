using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Deploy;

/// <summary>
/// A <c>widemesh.hcl</c> manifest: what <c>mesh deploy</c> runs from an application directory.
/// <see cref="Environment"/> and <see cref="Rack"/> are null when the manifest leaves them to the defaults.
/// </summary>
internal sealed record DeployManifest(
    string Path,
    string? Environment,
    string? Rack,
    string? Build,
    IReadOnlyList<StackSpec> Stacks,
    IReadOnlyList<ServiceSpec> Services)
{
    public const string FileName = "widemesh.hcl";
}

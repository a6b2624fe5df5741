using Widemesh.Platform.Releases;
using Widemesh.Platform.Store;

namespace Widemesh.Platform.Racks.Local;

/// <summary>Builds the local runtime's view of a stored environment.</summary>
internal static class LocalEnvironmentSpecs
{
    /// <summary>The spec of <paramref name="environment"/>, with the path of its release's archive.</summary>
    public static LocalEnvironmentSpec From(StoredEnvironment environment, ReleaseStore releases)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(releases);
        var archive = environment.Release is { } release ? releases.GetArchivePath(environment.Id, release) : null;
        return new LocalEnvironmentSpec(environment.Id, environment.Name, environment.Stacks, environment.Services, environment.Release, archive);
    }
}

using Widemesh.Platform.Store;

namespace Widemesh.Platform.Racks.Local;

/// <summary>Builds the local runtime's view of a stored environment.</summary>
internal static class LocalEnvironmentSpecs
{
    /// <summary>The spec of <paramref name="environment"/>; its release archive is <c>&lt;data&gt;/releases/&lt;environment id&gt;/&lt;release id&gt;.tar.gz</c>.</summary>
    public static LocalEnvironmentSpec From(StoredEnvironment environment, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var archive = environment.Release is { } release
            ? Path.Combine(dataDirectory, "releases", environment.Id, release + ".tar.gz")
            : null;
        return new LocalEnvironmentSpec(environment.Id, environment.Name, environment.Stacks, environment.Services, environment.Release, archive);
    }
}

namespace Widemesh.Platform.Racks.Local;

/// <summary>What isolation local racks actually have on this machine, decided once at start.</summary>
internal enum LocalIsolationMode
{
    /// <summary>One network namespace per environment and rack.</summary>
    Netns,

    /// <summary>Instances run in meshd's own network namespace (<c>--isolation none</c>).</summary>
    None,

    /// <summary>Namespaces were asked for but are not available: stacks and services do not run.</summary>
    Unavailable,
}

namespace Widemesh.Platform.Racks.Local;

/// <summary>The supervisor's timings.</summary>
internal sealed record LocalRuntimeSettings
{
    /// <summary>How long a stopping instance gets between SIGTERM and SIGKILL.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The first delay before restarting a crashed instance; it doubles with every crash in a row.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>An instance that ran this long before it crashed starts again from <see cref="FirstBackoff"/>.</summary>
    public TimeSpan BackoffReset { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a starting instance is checked until it answers.</summary>
    public TimeSpan StartingProbeInterval { get; init; } = TimeSpan.FromMilliseconds(100);
}

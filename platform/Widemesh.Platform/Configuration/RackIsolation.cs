namespace Widemesh.Platform.Configuration;

/// <summary>How local racks keep environments apart (<c>--isolation</c>).</summary>
internal enum RackIsolation
{
    /// <summary>Network namespaces when this machine allows them; otherwise meshd says so and refuses to run stacks.</summary>
    Auto,

    /// <summary>Network namespaces or nothing: meshd does not start without them.</summary>
    Netns,

    /// <summary>No isolation: instances run in meshd's own network namespace on 127.0.0.1 and need distinct ports.</summary>
    None,
}

namespace Widemesh.Platform.Racks.Local;

/// <summary>What a short helper command (such as <c>ip netns add</c>) answered.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;
}

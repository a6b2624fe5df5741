using System.Runtime.InteropServices;

namespace Widemesh.Platform.Racks.Local;

/// <summary>The few libc calls the local runtime needs: entering a network namespace and signalling process groups.</summary>
internal static class LocalNative
{
    /// <summary><c>CLONE_NEWNET</c>: the namespace type <see cref="SetNamespace"/> joins.</summary>
    public const int CloneNewNet = 0x40000000;

    public const int SigKill = 9;

    public const int SigTerm = 15;

    /// <summary>Moves the calling thread into the namespace that <paramref name="fd"/> refers to.</summary>
    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SetNamespace(int fd, int nsType);

    /// <summary>Sends <paramref name="signal"/> to a process, or to a process group when <paramref name="pid"/> is negative.</summary>
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Kill(int pid, int signal);
}

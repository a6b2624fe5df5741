namespace Widemesh.Platform.Tests.Runtime;

/// <summary>The local runtime's tests need root, Linux and iproute2; they skip, saying why, without them.</summary>
internal static class RuntimeRequirements
{
    public static void SkipUnlessNamespaces()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("Local racks isolate environments with Linux network namespaces; this is not Linux.");
        }

        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Skip("Local racks need root to create network namespaces; run the tests as root to run these.");
        }

        if (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/bin/ip"))
        {
            Assert.Skip("Local racks create network namespaces with `ip` (iproute2), which is not installed.");
        }

        if (!File.Exists(RuntimeShell.Python))
        {
            Assert.Skip($"These tests run {RuntimeShell.Python} as instances; it is not installed.");
        }
    }
}

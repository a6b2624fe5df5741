using Widemesh.Platform.Racks.Local;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>The start-up sweep of namespaces left by killed meshd processes, with other meshd processes on the machine.</summary>
public sealed class NetworkNamespacesSweepTests
{
    /// <summary>
    /// Another meshd deletes its namespace, and its owner entry, while this one lists the entries: the entry is gone
    /// by the time it is read. A CI run saw meshd die at start-up on exactly that (FileNotFoundException). A dangling
    /// symbolic link is an entry that is listed but cannot be read, every time.
    /// </summary>
    [Fact]
    public async Task An_owner_entry_that_vanished_after_the_listing_is_skipped_not_fatal()
    {
        RuntimeRequirements.SkipUnlessNamespaces();
        Directory.CreateDirectory(NetworkNamespaces.OwnerDirectory);
        var entry = Path.Combine(NetworkNamespaces.OwnerDirectory, "wm-test0000-gone-" + Guid.NewGuid().ToString("N")[..8]);
        File.CreateSymbolicLink(entry, Path.Combine(Path.GetTempPath(), "widemesh-missing-" + Guid.NewGuid().ToString("N")));
        try
        {
            await NetworkNamespaces.SweepOrphansAsync(TestContext.Current.CancellationToken);

            Assert.NotNull(new FileInfo(entry).LinkTarget);
        }
        finally
        {
            File.Delete(entry);
        }
    }
}

using Widemesh.Platform.Racks.Local;

namespace Widemesh.Platform.Tests.Runtime;

public sealed class ReleaseUnpackerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "widemesh-unpack-" + Guid.NewGuid().ToString("N")[..10]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Files_and_their_execute_bits_are_unpacked()
    {
        var archive = await SaveAsync(RuntimeArchives.Files(("app/run.sh", "echo hi\n"), ("app/data.txt", "data")), Ct);

        await ReleaseUnpacker.UnpackAsync(archive, Path.Combine(_directory, "out"), Ct);

        Assert.Equal("echo hi\n", await File.ReadAllTextAsync(Path.Combine(_directory, "out", "app", "run.sh"), Ct));
        Assert.True(File.GetUnixFileMode(Path.Combine(_directory, "out", "app", "run.sh")).HasFlag(UnixFileMode.UserExecute));
        Assert.False(File.GetUnixFileMode(Path.Combine(_directory, "out", "app", "data.txt")).HasFlag(UnixFileMode.UserExecute));
    }

    [Theory]
    [InlineData("../escaped.txt")]
    [InlineData("app/../../escaped.txt")]
    [InlineData("/tmp/escaped-absolute.txt")]
    public async Task A_path_that_leaves_the_release_directory_is_refused(string name)
    {
        var archive = await SaveAsync(RuntimeArchives.Files((name, "nope")), Ct);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReleaseUnpacker.UnpackAsync(archive, Path.Combine(_directory, "out"), Ct));

        Assert.Contains("outside the release directory", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "escaped.txt")));
    }

    [Fact]
    public async Task A_symbolic_link_pointing_outside_is_refused()
    {
        var archive = await SaveAsync(RuntimeArchives.Link("passwd", "../../../../etc/passwd"), Ct);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReleaseUnpacker.UnpackAsync(archive, Path.Combine(_directory, "out"), Ct));

        Assert.Contains("passwd -> ../../../../etc/passwd", error.Message, StringComparison.Ordinal);
    }

    private async Task<string> SaveAsync(MemoryStream archive, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "release.tar.gz");
        await File.WriteAllBytesAsync(path, archive.ToArray(), cancellationToken);
        return path;
    }
}

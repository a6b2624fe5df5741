using Widemesh.Cli.Tests.Support;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Tests.Workspace;

public sealed class WorkspaceLockTests
{
    [Fact]
    public async Task A_second_holder_times_out_naming_the_first()
    {
        var context = TestContexts.Create();
        var workspace = Some.TempDirectory("ws");
        using var first = await WorkspaceLock.AcquireAsync(context, workspace, "apply", TimeSpan.Zero, TestContext.Current.CancellationToken);

        var exception = await Assert.ThrowsAsync<CliException>(() =>
            WorkspaceLock.AcquireAsync(context, workspace, "plan", TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken));

        Assert.Equal(ExitCodes.Locked, exception.ExitCode);
        Assert.Contains($"mesh apply (pid {System.Environment.ProcessId})", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lock_is_free_again_once_released()
    {
        var context = TestContexts.Create();
        var workspace = Some.TempDirectory("ws");
        var first = await WorkspaceLock.AcquireAsync(context, workspace, "apply", TimeSpan.Zero, TestContext.Current.CancellationToken);
        first.Dispose();

        using var second = await WorkspaceLock.AcquireAsync(context, workspace, "plan", TimeSpan.Zero, TestContext.Current.CancellationToken);

        Assert.True(File.Exists(Path.Combine(workspace, ".mesh", "workspace.lock.info")));
    }
}

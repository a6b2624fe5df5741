using System.Globalization;

namespace Widemesh.Cli.Workspace;

/// <summary>
/// The exclusive lock a mesh run holds on a workspace while it edits HCL, plans, applies and writes
/// state. It is an OS file lock (released by the kernel if mesh dies, so no stale locks) on
/// <c>.mesh/workspace.lock</c>; <c>.mesh/workspace.lock.info</c> says who holds it, for the message
/// a waiting run shows.
/// </summary>
internal sealed class WorkspaceLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _stream;
    private readonly string _infoPath;

    private WorkspaceLock(FileStream stream, string infoPath)
    {
        _stream = stream;
        _infoPath = infoPath;
    }

    public static async Task<WorkspaceLock> AcquireAsync(CliContext context, string workspace, string operation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(workspace, WorkspaceLayout.MeshDirectory);
        Directory.CreateDirectory(directory);
        var lockPath = Path.Combine(directory, "workspace.lock");
        var infoPath = lockPath + ".info";
        var deadline = context.Time.GetUtcNow() + timeout;

        using var progress = Output.ProgressIndicator.Start(context, "waiting for another mesh run to release the workspace");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stream = TryOpen(lockPath);
            if (stream is not null)
            {
                var info = string.Create(
                    CultureInfo.InvariantCulture,
                    $"mesh {operation} (pid {System.Environment.ProcessId}) since {context.Time.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC");
                File.WriteAllText(infoPath, info);
                return new WorkspaceLock(stream, infoPath);
            }

            if (context.Time.GetUtcNow() >= deadline)
            {
                var holder = ReadHolder(infoPath);
                throw new CliException(
                    ExitCodes.Locked,
                    $"The workspace {workspace} is locked by {holder}. Wait for it to finish, or pass a longer --lock-timeout.",
                    "locked");
            }

            await Task.Delay(Poll, context.Time, cancellationToken);
        }
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_infoPath);
        }
        catch (IOException)
        {
            // The next holder rewrites the info file anyway.
        }

        _stream.Dispose();
    }

    private static FileStream? TryOpen(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string ReadHolder(string infoPath)
    {
        try
        {
            var text = File.ReadAllText(infoPath).Trim();
            return text.Length > 0 ? text : "another mesh run";
        }
        catch (IOException)
        {
            return "another mesh run";
        }
    }
}

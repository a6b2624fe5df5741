using Widemesh.Cli.Configuration;
using Widemesh.Cli.Engine;

namespace Widemesh.Cli.Workspace;

/// <summary>
/// One command's hold on a workspace: the lock, the files it edits, the platform connection and the
/// engine. A command edits <see cref="Files"/>, then calls <see cref="ApplyAsync"/>; a failure rolls
/// the edits back so the workspace keeps describing what exists.
/// </summary>
internal sealed class WorkspaceSession : IDisposable
{
    private readonly WorkspaceLock _lock;
    private readonly WorkspaceSessionOptions _options;

    private WorkspaceSession(string path, WorkspaceLock workspaceLock, WorkspaceSessionOptions options, ConnectionSettings connection, IWorkspaceEngine engine)
    {
        _lock = workspaceLock;
        _options = options;
        Path = path;
        Connection = connection;
        Engine = engine;
        Files = new WorkspaceFiles(path);
        Identity = WorkspaceIdentity.LoadOrCreate(path);
    }

    public string Path { get; }

    public WorkspaceIdentity Identity { get; }

    public ConnectionSettings Connection { get; }

    public IWorkspaceEngine Engine { get; }

    public WorkspaceFiles Files { get; }

    public static async Task<WorkspaceSession> OpenAsync(CliContext context, WorkspaceSessionOptions options, string operation, CancellationToken cancellationToken)
    {
        var path = WorkspaceLocator.Resolve(context, options.Workspace);
        var connection = new ConnectionResolver(context).Resolve();
        var engine = EngineSelector.Select(context, options.Engine);
        Directory.CreateDirectory(path);
        var workspaceLock = await WorkspaceLock.AcquireAsync(context, path, operation, options.LockTimeout, cancellationToken);
        return new WorkspaceSession(path, workspaceLock, options, connection, engine);
    }

    /// <summary>Writes <c>providers.tf</c> when the workspace has no terraform settings yet.</summary>
    public void EnsureProviders()
    {
        if (!Files.Exists(WorkspaceLayout.ProvidersFile))
        {
            Files.Write(WorkspaceLayout.ProvidersFile, WorkspaceHcl.Providers());
        }
    }

    public Task<EngineResult> PlanAsync(CancellationToken cancellationToken) => RunAsync(apply: false, cancellationToken);

    /// <summary>Applies the workspace; if that fails, the files this command edited are put back.</summary>
    public async Task<EngineResult> ApplyAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(apply: true, cancellationToken);
        }
        catch
        {
            Files.Rollback();
            throw;
        }
    }

    public void Dispose() => _lock.Dispose();

    private Task<EngineResult> RunAsync(bool apply, CancellationToken cancellationToken)
    {
        var request = new EngineRequest(Path, apply, Quiet: _options.Json, _options.Force, Identity, Connection);
        return Engine.RunAsync(request, cancellationToken);
    }
}

using Widemesh.Cli.Configuration;
using Widemesh.Cli.Engine.State;
using Widemesh.Cli.Output;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>
/// The built-in engine: reads the workspace HCL, refreshes, plans and applies it with the provider's
/// own code in process (called as Terraform core calls it), and keeps <c>terraform.tfstate</c> in
/// Terraform's format v4 so Terraform or OpenTofu can take the workspace over with an empty plan.
/// </summary>
internal sealed partial class BuiltinEngine(CliContext context) : IWorkspaceEngine
{
    public string Name => "builtin";

    public async Task<EngineResult> RunAsync(EngineRequest request, CancellationToken cancellationToken)
    {
        var config = WorkspaceConfigLoader.Load(WorkspaceDocuments.Load(request.Workspace));
        var previous = StateFile.Read(request.Workspace);

        List<ResourceStep> steps;
        using var provider = await StartAsync(request, config, cancellationToken);
        using (ProgressIndicator.Start(context, "refreshing and planning", quiet: request.Quiet))
        {
            steps = await PlanAsync(provider, config, previous, cancellationToken);
        }

        var changes = steps.Select(s => s.ToPlannedChange()).ToList();
        if (!request.Quiet)
        {
            context.Out.Write(new PlanRenderer(TerminalStyle.ForOut(context)).Render(steps));
            context.Out.Flush();
        }

        if (!request.Apply)
        {
            return ChangeSummaries.Result(Name, changes, applied: false);
        }

        var pending = steps.Where(s => s.Action != ChangeAction.NoOp || s.Importing).ToList();
        var writer = new StateWriter(request.Workspace, previous);
        if (pending.Count == 0)
        {
            writer.Write(steps);
            return ChangeSummaries.Result(Name, changes, applied: true);
        }

        if (!request.Quiet)
        {
            context.Out.WriteLine();
        }

        using var client = PlatformClientFactory.Create(request.Connection);
        var guard = new OwnershipGuard(client, request.Identity);
        await guard.CheckAsync(pending.Select(s => s.ToPlannedChange()), request.Force, cancellationToken);

        await ApplyAsync(provider, steps, writer, request.Quiet, cancellationToken);

        await guard.RecordAsync(
            pending.Where(s => OwnershipGuard.Covers(s.Type) && s.Action != ChangeAction.Delete && s.PlatformName is not null).Select(s => (s.Type, s.PlatformName!)),
            cancellationToken);
        return ChangeSummaries.Result(Name, changes, applied: true);
    }

    private async Task<ProviderSession> StartAsync(EngineRequest request, WorkspaceConfig config, CancellationToken cancellationToken)
    {
        using (ProgressIndicator.Start(context, "starting the widemesh provider", quiet: request.Quiet))
        {
            return await ProviderSession.StartAsync(request.Connection, config, cancellationToken);
        }
    }
}

using Widemesh.Cli.Configuration;
using Widemesh.Cli.Engine;
using Widemesh.Cli.Output;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Terraform;

/// <summary>
/// Applies the workspace with the real <c>terraform</c> (or <c>tofu</c>): <c>plan -out</c>, reads the
/// plan as JSON for the ownership guard and the summary, then <c>apply</c> of exactly that plan.
/// </summary>
internal sealed class TerraformEngine(CliContext context, TerraformBinary binary) : IWorkspaceEngine
{
    public string Name => binary.Name;

    public async Task<EngineResult> RunAsync(EngineRequest request, CancellationToken cancellationToken)
    {
        if (!Directory.EnumerateFiles(request.Workspace, "*.tf").Any() && !File.Exists(Path.Combine(request.Workspace, "terraform.tfstate")))
        {
            // terraform refuses a folder without configuration; an empty workspace simply has nothing to do.
            if (!request.Quiet)
            {
                context.Out.WriteLine("No changes. The workspace is empty.");
            }

            return ChangeSummaries.Result(Name, [], applied: request.Apply);
        }

        var providerDirectory = ProviderBinaryLocator.FindDirectory(context) ?? throw new CliException(
            ExitCodes.Failure,
            $"Cannot find {ProviderBinaryLocator.ExecutableName} for {binary.Name}: put it next to mesh, build it with './build.sh publish', "
            + "or set WIDEMESH_PROVIDER_PATH. Or pass --engine builtin.",
            "provider-missing");
        var cliConfig = TerraformCliConfig.Write(request.Workspace, providerDirectory);
        var runner = new TerraformRunner(context, binary, request.Workspace, cliConfig, request.Connection);
        var color = !request.Quiet && context.OutIsTerminal && !context.NoColor;
        var stream = request.Quiet ? null : context.Out;
        var planFile = Path.Combine(WorkspaceLayout.MeshDirectory, "tfplan");

        List<string> planArguments = ["plan", "-input=false", "-out=" + planFile];
        if (!color)
        {
            planArguments.Add("-no-color");
        }

        TerraformProcessResult plan;
        using (ProgressIndicator.Start(context, $"{binary.Name} plan", quiet: stream is not null))
        {
            plan = await runner.RunAsync(planArguments, stream, cancellationToken);
            if (plan.ExitCode != 0 && NeedsInit(plan))
            {
                // The bundled provider needs no installation (dev_overrides); other providers the user added do.
                var init = await runner.RunAsync(["init", "-input=false", "-no-color"], null, cancellationToken);
                EnsureSucceeded(init, "init");
                plan = await runner.RunAsync(planArguments, stream, cancellationToken);
            }
        }

        EnsureSucceeded(plan, "plan");

        var show = await runner.RunAsync(["show", "-json", planFile], null, cancellationToken);
        EnsureSucceeded(show, "show");
        var changes = TerraformPlanReader.Read(show.Output);
        var pending = changes.Where(c => c.Action != ChangeAction.NoOp || c.Importing).ToList();

        if (!request.Apply || pending.Count == 0)
        {
            TryDelete(Path.Combine(request.Workspace, planFile));
            return ChangeSummaries.Result(Name, changes, applied: request.Apply);
        }

        using var client = PlatformClientFactory.Create(request.Connection);
        var guard = new OwnershipGuard(client, request.Identity);
        await guard.CheckAsync(pending, request.Force, cancellationToken);

        List<string> applyArguments = ["apply", "-input=false", "-auto-approve"];
        if (!color)
        {
            applyArguments.Add("-no-color");
        }

        applyArguments.Add(planFile);
        TerraformProcessResult apply;
        using (ProgressIndicator.Start(context, $"{binary.Name} apply", quiet: stream is not null))
        {
            apply = await runner.RunAsync(applyArguments, stream, cancellationToken);
        }

        TryDelete(Path.Combine(request.Workspace, planFile));
        EnsureSucceeded(apply, "apply");

        await guard.RecordAsync(
            pending.Where(c => OwnershipGuard.Covers(c.Type) && c.Action != ChangeAction.Delete && c.Name is not null).Select(c => (c.Type, c.Name!)),
            cancellationToken);
        return ChangeSummaries.Result(Name, changes, applied: true);
    }

    private void EnsureSucceeded(TerraformProcessResult result, string verb)
    {
        if (result.ExitCode == 0)
        {
            return;
        }

        var detail = result.Error.Trim();
        if (detail.Length == 0)
        {
            detail = result.Output.Trim();
        }

        throw new CliException(ExitCodes.Failure, $"{binary.Name} {verb} failed (exit code {result.ExitCode}):\n{detail}", "terraform");
    }

    private static bool NeedsInit(TerraformProcessResult result) =>
        result.Error.Contains("terraform init", StringComparison.Ordinal) || result.Error.Contains("tofu init", StringComparison.Ordinal);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover plan file is harmless; the next run overwrites it.
        }
    }
}

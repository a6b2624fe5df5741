using System.Globalization;
using Widemesh.Cli.Output;
using Widemesh.Cli.Workspace;
using Widemesh.Provider.Cty;

namespace Widemesh.Cli.Engine.Builtin;

internal sealed partial class BuiltinEngine
{
    /// <summary>
    /// Applies in dependency order: destroys first (environments before the racks they run on), then
    /// creates and updates (racks before environments). The state is written after every resource.
    /// </summary>
    private async Task ApplyAsync(ProviderSession provider, List<ResourceStep> steps, StateWriter writer, bool quiet, CancellationToken cancellationToken)
    {
        var output = quiet ? TextWriter.Null : context.Out;
        var style = TerminalStyle.ForOut(context);
        var (added, changed, destroyed) = (0, 0, 0);

        foreach (var step in steps.Where(s => s.Action is ChangeAction.Delete or ChangeAction.Replace).OrderByDescending(Priority))
        {
            output.WriteLine($"{style.Bold(step.Address + ":")} Destroying...{IdOf(step.CurrentOrPrior)}");
            var started = context.Time.GetTimestamp();
            await ApplyOneAsync(provider, steps, writer, step, CtyValue.Null(step.Schema.Type), CtyValue.Null(step.Schema.Type), step.Action == ChangeAction.Delete ? step.PlannedPrivate : step.PriorPrivate, cancellationToken);
            destroyed++;
            output.WriteLine($"{style.Bold(step.Address + ":")} Destruction complete after {Elapsed(started)}");
        }

        foreach (var step in steps.Where(s => s.Action is ChangeAction.Create or ChangeAction.Update or ChangeAction.Replace || s.Importing).OrderBy(Priority))
        {
            if (step.Action == ChangeAction.NoOp)
            {
                output.WriteLine($"{style.Bold(step.Address + ":")} Import complete{IdOf(step.Prior)}");
                continue;
            }

            var creating = step.Action is ChangeAction.Create or ChangeAction.Replace;
            output.WriteLine($"{style.Bold(step.Address + ":")} {(creating ? "Creating..." : "Modifying..." + IdOf(step.CurrentOrPrior))}");
            var started = context.Time.GetTimestamp();
            var planned = step.Action == ChangeAction.Replace ? step.ReplacementPlan! : step.Planned;
            var priv = step.Action == ChangeAction.Replace ? step.ReplacementPrivate : step.PlannedPrivate;
            await ApplyOneAsync(provider, steps, writer, step, planned, step.Config, priv, cancellationToken);
            if (creating)
            {
                added++;
            }
            else
            {
                changed++;
            }

            output.WriteLine($"{style.Bold(step.Address + ":")} {(creating ? "Creation" : "Modifications")} complete after {Elapsed(started)}{IdOf(step.CurrentOrPrior)}");
        }

        writer.Write(steps);
        var imported = steps.Count(s => s.Importing);
        output.WriteLine();
        output.WriteLine(style.Green(style.Bold(
            $"Apply complete! Resources: {(imported > 0 ? $"{imported} imported, " : string.Empty)}{added} added, {changed} changed, {destroyed} destroyed.")));
        output.Flush();
    }

    private static async Task ApplyOneAsync(
        ProviderSession provider, List<ResourceStep> steps, StateWriter writer, ResourceStep step, CtyValue planned, CtyValue config, Google.Protobuf.ByteString plannedPrivate, CancellationToken cancellationToken)
    {
        var prior = planned.IsNull || step.Action != ChangeAction.Replace ? step.CurrentOrPrior : CtyValue.Null(step.Schema.Type);
        try
        {
            var (state, priv) = await provider.ApplyAsync(step.Schema, step.Address, prior, planned, config, plannedPrivate, cancellationToken);
            step.Current = state;
            step.CurrentPrivate = priv;
            writer.Write(steps);
        }
        catch (ApplyFailedException failure)
        {
            step.Current = failure.State;
            step.CurrentPrivate = failure.Private;
            writer.Write(steps);
            ProviderDiagnosticsReport.ThrowOnErrors(failure.Diagnostics, step.Address);
            throw;
        }
    }

    private static int Priority(ResourceStep step) => step.Type == WorkspaceLayout.RackType ? 0 : 1;

    private static string IdOf(CtyValue value) =>
        value is { IsNull: false } && value.Type.AttributeTypes.ContainsKey("id") && value["id"] is { IsKnown: true, IsNull: false } id
            ? $" [id={id.AsString()}]"
            : string.Empty;

    private string Elapsed(long started) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)context.Time.GetElapsedTime(started).TotalSeconds}s");
}

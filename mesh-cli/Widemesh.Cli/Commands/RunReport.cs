using Widemesh.Cli.Engine;
using Widemesh.Cli.Output;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Commands;

/// <summary>Ends a workspace command: the <c>--json</c> document, or a closing line for people.</summary>
internal static class RunReport
{
    public static RunOutput Create(string command, WorkspaceSession session, EngineResult result) => new()
    {
        Command = command,
        Workspace = session.Path,
        Engine = result.Engine,
        Applied = result.Applied,
        Changes = result.Changes,
        ResourceChanges = result.ResourceChanges,
        Files = session.Files.Changed,
    };

    public static int Write(CliContext context, bool json, RunOutput output, string? summary)
    {
        if (json)
        {
            JsonOutput.Write(context.Out, output, JsonOutput.Context.RunOutput);
        }
        else if (summary is not null)
        {
            var style = TerminalStyle.ForOut(context);
            context.Out.WriteLine(style.Bold(summary));
        }

        return ExitCodes.Success;
    }
}

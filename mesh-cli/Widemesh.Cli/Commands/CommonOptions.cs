using System.CommandLine;

namespace Widemesh.Cli.Commands;

/// <summary>Options shared by several commands, built once per root command.</summary>
internal sealed class CommonOptions
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write machine-readable JSON to stdout (shapes documented in mesh-cli/README.md)",
        Recursive = true,
    };

    public Option<string?> Workspace { get; } = new("--workspace", "-w")
    {
        Description = "The workspace directory holding the HCL and state [env: WIDEMESH_WORKSPACE] [default: ~/.local/share/widemesh/workspace]",
        HelpName = "dir",
    };

    public Option<string> Engine { get; } = CreateEngineOption();

    public Option<bool> Force { get; } = new("--force")
    {
        Description = "Change resources even when another workspace manages them",
    };

    public Option<string?> LockTimeout { get; } = new("--lock-timeout")
    {
        Description = "How long to wait for another mesh run to release the workspace, like 30s or 2m [default: 60s]",
        HelpName = "duration",
    };

    /// <summary>Adds the options every workspace command takes.</summary>
    public void AddWorkspaceOptions(Command command)
    {
        command.Options.Add(Workspace);
        command.Options.Add(Engine);
        command.Options.Add(Force);
        command.Options.Add(LockTimeout);
    }

    private static Option<string> CreateEngineOption()
    {
        var option = new Option<string>("--engine")
        {
            Description = "What applies the workspace: auto uses terraform or tofu from PATH when present, else the built-in engine [env: WIDEMESH_ENGINE]",
            HelpName = "auto|builtin|terraform",
        };
        option.AcceptOnlyFromAmong("auto", "builtin", "terraform");
        return option;
    }
}

using System.CommandLine;
using Widemesh.Cli.Workspace;
using Widemesh.Sdk.Durations;

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

    public Option<string?> LockTimeout { get; } = CreateLockTimeoutOption();

    public static TimeSpan DefaultLockTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Adds the options every workspace command takes.</summary>
    public void AddWorkspaceOptions(Command command)
    {
        command.Options.Add(Workspace);
        command.Options.Add(Engine);
        command.Options.Add(Force);
        command.Options.Add(LockTimeout);
    }

    /// <summary>The workspace options of this run, after validation.</summary>
    public WorkspaceSessionOptions ReadSessionOptions(ParseResult parseResult)
    {
        var lockTimeout = DefaultLockTimeout;
        if (parseResult.GetValue(LockTimeout) is { } text)
        {
            lockTimeout = text == "0" ? TimeSpan.Zero : DurationParser.TryParse(text, out var parsed, out _) ? parsed : DefaultLockTimeout;
        }

        return new WorkspaceSessionOptions(
            parseResult.GetValue(Workspace),
            parseResult.GetValue(Engine),
            parseResult.GetValue(Force),
            lockTimeout,
            parseResult.GetValue(Json));
    }

    private static Option<string?> CreateLockTimeoutOption()
    {
        var option = new Option<string?>("--lock-timeout")
        {
            Description = "How long to wait for another mesh run to release the workspace, like 30s or 2m [default: 60s]",
            HelpName = "duration",
        };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is not null && text != "0" && !DurationParser.TryParse(text, out _, out var error))
            {
                result.AddError($"--lock-timeout: {error}");
            }
        });
        return option;
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

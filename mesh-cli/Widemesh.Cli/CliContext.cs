namespace Widemesh.Cli;

/// <summary>
/// What a run of <c>mesh</c> gets from the world: its writers, its environment variables, its home
/// directory and clock. Tests build one with captured writers and their own variables.
/// </summary>
internal sealed record CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>True when <see cref="Out"/> is an interactive terminal (tables may use colour).</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>True when <see cref="Error"/> is an interactive terminal (spinners are drawn only then).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>True when <see cref="Input"/> is an interactive terminal (prompts are allowed only then).</summary>
    public bool InputIsTerminal { get; init; }

    public required Func<string, string?> GetVariable { get; init; }

    public required string HomeDirectory { get; init; }

    public required string CurrentDirectory { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The directory of the running <c>mesh</c> executable (where a bundled provider may sit).</summary>
    public string? ExecutableDirectory { get; init; }

    /// <summary>The context of the real process: the console and the process environment.</summary>
    public static CliContext FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        Input = Console.In,
        OutIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
        InputIsTerminal = !Console.IsInputRedirected,
        GetVariable = System.Environment.GetEnvironmentVariable,
        HomeDirectory = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile),
        CurrentDirectory = System.Environment.CurrentDirectory,
        ExecutableDirectory = Path.GetDirectoryName(System.Environment.ProcessPath),
    };

    /// <summary>True when the user asked for no colour (<c>NO_COLOR</c> set to anything non-empty).</summary>
    public bool NoColor => !string.IsNullOrEmpty(GetVariable("NO_COLOR"));
}

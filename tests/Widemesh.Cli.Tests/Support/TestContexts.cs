namespace Widemesh.Cli.Tests.Support;

/// <summary>A <see cref="CliContext"/> for unit tests: captured writers and only the given variables.</summary>
internal static class TestContexts
{
    public static CliContext Create(Dictionary<string, string?>? variables = null, string? home = null)
    {
        variables ??= [];
        home ??= Some.TempDirectory("mesh-home");
        return new CliContext
        {
            Out = new StringWriter(),
            Error = new StringWriter(),
            GetVariable = name => variables.GetValueOrDefault(name),
            HomeDirectory = home,
            CurrentDirectory = home,
        };
    }
}

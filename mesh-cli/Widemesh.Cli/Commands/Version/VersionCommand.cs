using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;
using Widemesh.Cli.Output;

namespace Widemesh.Cli.Commands.Version;

/// <summary><c>mesh version</c>: the version of mesh and the runtime it was built for.</summary>
internal static class VersionCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var command = new Command("version", "Show the version of mesh");
        command.SetAction(parseResult =>
        {
            var output = new VersionOutput(Current, RuntimeInformation.FrameworkDescription, RuntimeInformation.RuntimeIdentifier);
            if (parseResult.GetValue(options.Json))
            {
                JsonOutput.Write(context.Out, output, JsonOutput.Context.VersionOutput);
            }
            else
            {
                context.Out.WriteLine($"mesh {output.Version} ({output.Runtime}, {output.Platform})");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The informational version without the source-control suffix.</summary>
    public static string Current
    {
        get
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 ? version[..plus] : version;
        }
    }
}

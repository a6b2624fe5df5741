using Widemesh.Cli;
using Widemesh.Cli.Commands;

return await MeshCommand.InvokeAsync(args, CliContext.FromProcess(), CancellationToken.None);

using Widemesh.Cli.Terraform;

namespace Widemesh.Cli.Engine;

/// <summary>
/// Picks the engine from <c>--engine</c>, else <c>WIDEMESH_ENGINE</c>, else <c>auto</c>: <c>auto</c>
/// takes <c>terraform</c> or <c>tofu</c> from PATH when there is one and the provider binary can be
/// found for it, and the built-in engine otherwise.
/// </summary>
internal static class EngineSelector
{
    public static IWorkspaceEngine Select(CliContext context, string? option)
    {
        var choice = option ?? context.GetVariable("WIDEMESH_ENGINE");
        choice = string.IsNullOrWhiteSpace(choice) ? "auto" : choice.Trim().ToLowerInvariant();
        switch (choice)
        {
            case "builtin":
                return new Builtin.BuiltinEngine(context);
            case "terraform":
                var binary = TerraformLocator.Find(context) ?? throw new CliException(
                    ExitCodes.Usage,
                    "--engine terraform needs terraform or tofu on PATH, and neither is there. Install one, or use --engine builtin.",
                    "validation");
                return new TerraformEngine(context, binary);
            case "auto":
                return TerraformLocator.Find(context) is { } found && ProviderBinaryLocator.FindDirectory(context) is not null
                    ? new TerraformEngine(context, found)
                    : new Builtin.BuiltinEngine(context);
            default:
                throw new CliException(ExitCodes.Usage, $"WIDEMESH_ENGINE '{choice}' is not an engine; use auto, builtin or terraform.", "validation");
        }
    }
}

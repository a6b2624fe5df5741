namespace Widemesh.Cli.Engine;

/// <summary>Plans and applies a workspace: the built-in engine or Terraform/OpenTofu.</summary>
internal interface IWorkspaceEngine
{
    /// <summary><c>builtin</c>, <c>terraform</c> or <c>tofu</c>.</summary>
    public string Name { get; }

    public Task<EngineResult> RunAsync(EngineRequest request, CancellationToken cancellationToken);
}

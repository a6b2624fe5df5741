namespace Widemesh.Cli.Terraform;

/// <summary>
/// Writes <c>.mesh/terraform.rc</c>: a Terraform/OpenTofu CLI config whose <c>dev_overrides</c> point
/// both registries' <c>widemesh/widemesh</c> at the bundled provider; other providers install as usual.
/// </summary>
internal static class TerraformCliConfig
{
    public static string Write(string workspace, string providerDirectory)
    {
        var path = Path.Combine(workspace, Workspace.WorkspaceLayout.MeshDirectory, "terraform.rc");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var quoted = Quote(providerDirectory);
        var text = $$"""
            # Written by mesh for TF_CLI_CONFIG_FILE; rewritten on every run.
            provider_installation {
              dev_overrides {
                "registry.terraform.io/widemesh/widemesh" = {{quoted}}
                "registry.opentofu.org/widemesh/widemesh" = {{quoted}}
              }
              direct {}
            }

            """;
        File.WriteAllText(path, text);
        return path;
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

using System.Text;
using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Workspace;

/// <summary>
/// The HCL mesh writes into new workspace files, formatted as <c>terraform fmt</c> would (through
/// <see cref="HclWriter"/>: two-space indent, the <c>=</c> of consecutive attributes aligned).
/// </summary>
internal static class WorkspaceHcl
{
    public const string ProviderSource = "widemesh/widemesh";

    public static string Providers() =>
        """
        # Written by mesh. The provider reads its endpoint and token from WIDEMESH_ENDPOINT and
        # WIDEMESH_TOKEN (mesh passes them on), so no secret is ever stored in this workspace.
        terraform {
          required_providers {
            widemesh = {
              source = "widemesh/widemesh"
            }
          }
        }

        provider "widemesh" {}

        """;

    public static string Rack(string name, string? provider, string? region, string providerAttribute) =>
        HclWriter.Write(new HclBodyBuilder().Block("resource", [WorkspaceLayout.RackType, name], rack =>
        {
            rack.Attribute("name", name);
            if (provider is not null && provider != "local")
            {
                rack.Attribute(providerAttribute, provider);
            }

            if (region is not null)
            {
                rack.Attribute("region", region);
            }
        }));

    public static string Environment(string name, IReadOnlyList<string> racks, Action<HclBodyBuilder>? more = null) =>
        HclWriter.Write(new HclBodyBuilder().Block("resource", [WorkspaceLayout.EnvironmentType, name], environment =>
        {
            environment.Attribute("name", name).Attribute("racks", racks);
            more?.Invoke(environment);
        }));

    /// <summary>An <c>import</c> block (Terraform 1.5+) that adopts an existing platform resource by name (or by <paramref name="id"/>).</summary>
    public static string Import(string resourceType, string name, string? id = null) =>
        HclWriter.Write(new HclBodyBuilder().Block("import", import => import
            .RawAttribute("to", $"{resourceType}.{name}")
            .Attribute("id", id ?? name)));

    /// <summary>A quoted HCL string, with quotes, backslashes, newlines and template openers escaped.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '$' or '%' when i + 1 < value.Length && value[i + 1] == '{': builder.Append(c).Append(c); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }
}

using System.Text;

namespace Widemesh.Cli.Workspace;

/// <summary>
/// The HCL mesh writes into new workspace files, formatted as <c>terraform fmt</c> would (two-space
/// indent, the <c>=</c> of consecutive attributes aligned, one trailing newline).
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

    public static string Rack(string name, string? provider, string? region, string providerAttribute)
    {
        var attributes = new List<(string Name, string Value)> { ("name", Quote(name)) };
        if (provider is not null && provider != "local")
        {
            attributes.Add((providerAttribute, Quote(provider)));
        }

        if (region is not null)
        {
            attributes.Add(("region", Quote(region)));
        }

        return Resource(WorkspaceLayout.RackType, name, attributes);
    }

    public static string Environment(string name, IReadOnlyList<string> racks) =>
        Resource(WorkspaceLayout.EnvironmentType, name, [("name", Quote(name)), ("racks", List(racks))]);

    /// <summary>An <c>import</c> block (Terraform 1.5+) that adopts an existing platform resource by name.</summary>
    public static string Import(string resourceType, string name) =>
        Block("import", [], [("to", $"{resourceType}.{name}"), ("id", Quote(name))]);

    /// <summary>A list of strings on one line: <c>["a", "b"]</c>.</summary>
    public static string List(IReadOnlyList<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";

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

    private static string Resource(string type, string name, IReadOnlyList<(string Name, string Value)> attributes) =>
        Block("resource", [type, name], attributes);

    private static string Block(string type, IReadOnlyList<string> labels, IReadOnlyList<(string Name, string Value)> attributes)
    {
        var builder = new StringBuilder(type);
        foreach (var label in labels)
        {
            builder.Append(' ').Append(Quote(label));
        }

        builder.Append(" {\n");
        var width = attributes.Count == 0 ? 0 : attributes.Max(a => a.Name.Length);
        foreach (var (attributeName, value) in attributes)
        {
            builder.Append("  ").Append(attributeName.PadRight(width)).Append(" = ").Append(value).Append('\n');
        }

        return builder.Append("}\n").ToString();
    }
}

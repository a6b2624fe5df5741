using Widemesh.Cli.Hcl;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>
/// Reads the workspace for the built-in engine: the <c>terraform</c> settings, the <c>widemesh</c>
/// provider block, <c>widemesh_*</c> resources and <c>import</c> blocks, all with constant values.
/// Everything else (modules, variables, locals, data sources, other providers, references, functions,
/// meta-arguments, backends…) is refused with its <c>file:line:col</c>, never skipped.
/// </summary>
internal static class WorkspaceConfigLoader
{
    private static readonly HashSet<string> MetaArguments = ["count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection"];
    private static readonly HashSet<string> MetaBlocks = ["lifecycle", "provisioner", "connection"];

    public static WorkspaceConfig Load(WorkspaceDocuments documents)
    {
        documents.EnsureParsed();
        string? endpoint = null;
        string? token = null;
        var resources = new List<ConfiguredResource>();
        var imports = new List<ConfiguredImport>();
        var addresses = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);

        foreach (var (path, file) in documents.Files)
        {
            foreach (var item in file.Body.Items)
            {
                var location = SourceLocation.Of(path, item);
                switch (item)
                {
                    case HclAttribute attribute:
                        throw UnsupportedConstruct.Invalid($"an argument \"{attribute.Name}\" is not allowed at the top level of a file; put it inside a block.", location);
                    case HclBlock { Type: "terraform" } block:
                        ReadTerraformBlock(path, block);
                        break;
                    case HclBlock { Type: "provider" } block:
                        (endpoint, token) = ReadProviderBlock(path, block);
                        break;
                    case HclBlock { Type: "resource" } block:
                        var resource = ReadResource(path, block);
                        if (addresses.TryGetValue(resource.Address, out var first))
                        {
                            throw UnsupportedConstruct.Invalid($"the resource {resource.Address} is declared twice (first at {first}); keep one.", location);
                        }

                        addresses[resource.Address] = location;
                        resources.Add(resource);
                        break;
                    case HclBlock { Type: "import" } block:
                        imports.Add(ReadImport(path, block));
                        break;
                    case HclBlock block:
                        throw UnsupportedConstruct.At(Describe(block), location);
                    default:
                        throw UnsupportedConstruct.Invalid("this line is not HCL the engine understands.", location);
                }
            }
        }

        return new WorkspaceConfig(endpoint, token, resources, imports);
    }

    private static string Describe(HclBlock block) => block.Type switch
    {
        "module" => $"the module \"{Label(block, 0)}\"",
        "variable" => $"the input variable \"{Label(block, 0)}\"",
        "locals" => "a locals block",
        "output" => $"the output \"{Label(block, 0)}\"",
        "data" => $"the data source {Label(block, 0)}.{Label(block, 1)}",
        "moved" or "removed" or "check" => $"a {block.Type} block",
        _ => $"a block of type \"{block.Type}\"",
    };

    private static string Label(HclBlock block, int index) => block.Labels.Count > index ? block.Labels[index] : "?";

    private static void ReadTerraformBlock(string path, HclBlock block)
    {
        foreach (var item in block.Body.Items)
        {
            var location = SourceLocation.Of(path, item);
            switch (item)
            {
                case HclAttribute { Name: "required_version" }:
                    break;
                case HclBlock { Type: "required_providers" } providers:
                    foreach (var entry in providers.Body.Items)
                    {
                        var entryLocation = SourceLocation.Of(path, entry);
                        if (entry is not HclAttribute provider)
                        {
                            throw UnsupportedConstruct.Invalid("required_providers holds only arguments like widemesh = { source = \"widemesh/widemesh\" }.", entryLocation);
                        }

                        var value = HclEvaluator.Evaluate(provider.Expression, path);
                        var source = value.Value is HclObject obj ? obj["source"]?.AsString() : value.Value?.AsString();
                        if (provider.Name != "widemesh" || !IsWidemeshSource(source))
                        {
                            throw UnsupportedConstruct.At($"the provider \"{provider.Name}\" ({source ?? "no source"}); it only runs widemesh/widemesh", entryLocation);
                        }
                    }

                    break;
                case HclBlock { Type: "backend" or "cloud" } backend:
                    throw UnsupportedConstruct.At($"the {backend.Type} {string.Join(' ', backend.Labels.Select(l => $"\"{l}\""))} (it keeps state only in the local terraform.tfstate)", location);
                case HclBlock other:
                    throw UnsupportedConstruct.At($"the terraform setting block \"{other.Type}\"", location);
                case HclAttribute other:
                    throw UnsupportedConstruct.At($"the terraform setting \"{other.Name}\"", location);
            }
        }
    }

    private static bool IsWidemeshSource(string? source) =>
        source is not null && (string.Equals(source, WorkspaceHcl.ProviderSource, StringComparison.OrdinalIgnoreCase)
            || string.Equals(source, "registry.terraform.io/" + WorkspaceHcl.ProviderSource, StringComparison.OrdinalIgnoreCase)
            || string.Equals(source, "registry.opentofu.org/" + WorkspaceHcl.ProviderSource, StringComparison.OrdinalIgnoreCase));

    private static (string? Endpoint, string? Token) ReadProviderBlock(string path, HclBlock block)
    {
        var location = SourceLocation.Of(path, block);
        if (Label(block, 0) != "widemesh")
        {
            throw UnsupportedConstruct.At($"the provider \"{Label(block, 0)}\"; it only runs widemesh/widemesh", location);
        }

        string? endpoint = null;
        string? token = null;
        foreach (var item in block.Body.Items)
        {
            var itemLocation = SourceLocation.Of(path, item);
            if (item is not HclAttribute attribute)
            {
                throw UnsupportedConstruct.At("a nested block in the provider configuration", itemLocation);
            }

            var value = Evaluate(path, attribute);
            switch (attribute.Name)
            {
                case "endpoint":
                    endpoint = value.AsString();
                    break;
                case "token":
                    token = value.AsString();
                    break;
                case "alias":
                    throw UnsupportedConstruct.At("a provider alias", itemLocation);
                default:
                    throw UnsupportedConstruct.Invalid($"the widemesh provider has no argument \"{attribute.Name}\"; it takes endpoint and token.", itemLocation);
            }
        }

        return (endpoint, token);
    }

    private static ConfiguredResource ReadResource(string path, HclBlock block)
    {
        var location = SourceLocation.Of(path, block);
        if (block.Labels.Count != 2)
        {
            throw UnsupportedConstruct.Invalid("a resource block needs two labels: resource \"TYPE\" \"NAME\".", location);
        }

        var type = block.Labels[0];
        if (!type.StartsWith("widemesh_", StringComparison.Ordinal))
        {
            throw UnsupportedConstruct.At($"the resource {type}.{block.Labels[1]} of another provider", location);
        }

        var (arguments, blocks) = ReadBody(path, block.Body, topLevel: true);
        return new ConfiguredResource(type, block.Labels[1], arguments, location, blocks);
    }

    /// <summary>The arguments and nested blocks of a resource body (or of a nested block's body).</summary>
    private static (Dictionary<string, (HclValue, SourceLocation)> Arguments, List<ConfiguredBlock> Blocks) ReadBody(string path, HclBody body, bool topLevel)
    {
        var arguments = new Dictionary<string, (HclValue, SourceLocation)>(StringComparer.Ordinal);
        var blocks = new List<ConfiguredBlock>();
        foreach (var item in body.Items)
        {
            var itemLocation = SourceLocation.Of(path, item);
            switch (item)
            {
                case HclAttribute attribute when topLevel && MetaArguments.Contains(attribute.Name):
                    throw UnsupportedConstruct.At($"the meta-argument \"{attribute.Name}\"", itemLocation);
                case HclAttribute attribute when arguments.ContainsKey(attribute.Name):
                    throw UnsupportedConstruct.Invalid($"the argument \"{attribute.Name}\" is set twice (duplicate argument); keep one.", itemLocation);
                case HclAttribute attribute:
                    arguments[attribute.Name] = (Evaluate(path, attribute), itemLocation);
                    break;
                case HclBlock nested when topLevel && MetaBlocks.Contains(nested.Type):
                    throw UnsupportedConstruct.At($"the {nested.Type} block", itemLocation);
                case HclBlock { Type: "dynamic" } nested:
                    throw UnsupportedConstruct.At($"the dynamic block \"{Label(nested, 0)}\"", itemLocation);
                case HclBlock nested when nested.Labels.Count > 0:
                    throw UnsupportedConstruct.Invalid($"the block \"{nested.Type}\" takes no labels (extraneous label); write {nested.Type} {{ … }}.", itemLocation);
                case HclBlock nested:
                    var (nestedArguments, nestedBlocks) = ReadBody(path, nested.Body, topLevel: false);
                    blocks.Add(new ConfiguredBlock(nested.Type, nestedArguments, nestedBlocks, itemLocation));
                    break;
                default:
                    throw UnsupportedConstruct.Invalid("this line is not HCL the engine understands.", itemLocation);
            }
        }

        return (arguments, blocks);
    }

    private static ConfiguredImport ReadImport(string path, HclBlock block)
    {
        var location = SourceLocation.Of(path, block);
        string? to = null;
        string? id = null;
        foreach (var item in block.Body.Items)
        {
            var itemLocation = SourceLocation.Of(path, item);
            switch (item)
            {
                case HclAttribute { Name: "to" } attribute:
                    to = attribute.Expression is HclGetAttributeExpression { Source: HclVariableExpression root } traversal
                        ? $"{root.Name.Text}.{traversal.Name.Text}"
                        : throw UnsupportedConstruct.At("an import target other than TYPE.NAME", itemLocation);
                    break;
                case HclAttribute { Name: "id" } attribute:
                    id = Evaluate(path, attribute).AsString() ?? throw UnsupportedConstruct.Invalid("the import id must be a string: the platform name.", itemLocation);
                    break;
                case HclAttribute attribute:
                    throw UnsupportedConstruct.At($"the import argument \"{attribute.Name}\"", itemLocation);
                default:
                    throw UnsupportedConstruct.At("a nested block in an import block", itemLocation);
            }
        }

        return new ConfiguredImport(
            to ?? throw UnsupportedConstruct.Invalid("an import block needs to = TYPE.NAME.", location),
            id ?? throw UnsupportedConstruct.Invalid("an import block needs id = \"NAME\".", location),
            location);
    }

    private static HclValue Evaluate(string path, HclAttribute attribute)
    {
        var evaluation = HclEvaluator.Evaluate(attribute.Expression, path);
        if (evaluation.Unsupported is { } unsupported)
        {
            throw UnsupportedConstruct.At(unsupported.Kind, new SourceLocation(unsupported.File, unsupported.Line, unsupported.Column));
        }

        return evaluation.Value!;
    }
}

using Widemesh.Cli.Hcl;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Naming;
using Widemesh.Sdk.Workloads;

namespace Widemesh.Cli.Deploy;

/// <summary>
/// Reads a <c>widemesh.hcl</c> with mesh's own HCL parser and checks it against the platform's rules
/// for stacks and services, so mistakes show as <c>widemesh.hcl:LINE:COL: what — fix</c> before anything
/// is built or uploaded. Every problem is reported, not only the first.
/// </summary>
internal sealed partial class ManifestReader
{
    private static readonly string[] TopLevelAttributes = ["environment", "rack", "build"];
    private static readonly string[] TopLevelBlocks = ["stack", "service"];

    private readonly string _file;
    private readonly List<ManifestError> _errors = [];
    private readonly Dictionary<string, HclToken> _names = new(StringComparer.Ordinal);

    private ManifestReader(string file)
    {
        _file = file;
    }

    /// <summary>Reads <c>widemesh.hcl</c> from <paramref name="directory"/>; a missing or invalid manifest is a <see cref="CliException"/>.</summary>
    public static async Task<DeployManifest> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(directory, DeployManifest.FileName);
        if (!File.Exists(path))
        {
            throw new CliException(
                ExitCodes.Usage,
                $"{directory} has no {DeployManifest.FileName}. Create one that declares what to run, such as:\n  stack \"web\" {{\n    command = \"python3 app.py\"\n    port    = 8080\n  }}",
                "manifest");
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        var result = Read(text, path);
        return result.Manifest ?? throw new CliException(ExitCodes.Usage, string.Join('\n', result.Errors), "manifest");
    }

    /// <summary>Parses and checks a manifest; errors name <c>widemesh.hcl</c> by its file name.</summary>
    public static ManifestReadResult Read(string text, string path)
    {
        var reader = new ManifestReader(System.IO.Path.GetFileName(path));
        var file = HclFile.Parse(text, reader._file);
        if (file.HasErrors)
        {
            return new ManifestReadResult(null, [.. file.Errors.Select(e => new ManifestError(e.File, e.Line, e.Column, e.Message, "fix the HCL syntax there"))]);
        }

        var manifest = reader.ReadFile(file, path);
        return reader._errors.Count == 0 ? new ManifestReadResult(manifest, []) : new ManifestReadResult(null, [.. reader._errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
    }

    private DeployManifest ReadFile(HclFile file, string path)
    {
        string? environment = null;
        string? rack = null;
        string? build = null;
        var stacks = new List<StackSpec>();
        var services = new List<ServiceSpec>();
        var stackBlocks = new List<HclBlock>();
        var serviceBlocks = new List<HclBlock>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in file.Body.Items)
        {
            switch (item)
            {
                case HclAttribute attribute when !TopLevelAttributes.Contains(attribute.Name):
                    UnknownName(attribute.NameToken, "argument", attribute.Name, "at the top level", TopLevelAttributes);
                    break;
                case HclAttribute attribute when !seen.Add(attribute.Name):
                    Error(attribute.NameToken, $"\"{attribute.Name}\" is set twice", "keep one of them");
                    break;
                case HclAttribute { Name: "environment" } attribute:
                    environment = ReadName(attribute, "environment");
                    break;
                case HclAttribute { Name: "rack" } attribute:
                    rack = ReadName(attribute, "rack");
                    break;
                case HclAttribute { Name: "build" } attribute:
                    build = ReadCommand(attribute, "build");
                    break;
                case HclBlock { Type: "stack" } block:
                    if (ReadStack(block) is { } stack)
                    {
                        stacks.Add(stack);
                        stackBlocks.Add(block);
                    }

                    break;
                case HclBlock { Type: "service" } block:
                    if (ReadService(block) is { } service)
                    {
                        services.Add(service);
                        serviceBlocks.Add(block);
                    }

                    break;
                case HclBlock block:
                    UnknownName(block.TypeToken, "block type", block.Type, "at the top level", TopLevelBlocks);
                    break;
                default:
                    Error(item.FirstToken(), "this line is not part of a manifest", "write name = value or a stack \"NAME\" { … } block");
                    break;
            }
        }

        if (_errors.Count == 0)
        {
            CheckPlatformRules(stacks, services, stackBlocks, serviceBlocks);
        }

        if (stacks.Count == 0 && services.Count == 0 && _errors.Count == 0)
        {
            _errors.Add(new ManifestError(_file, 1, 1, "the manifest declares no stack and no service", "add at least one, such as stack \"web\" { command = \"python3 app.py\" }"));
        }

        return new DeployManifest(path, environment, rack, build, stacks, services);
    }

    /// <summary>
    /// The platform's own rules (the ones meshd and the provider apply, such as one public port per stack) on what
    /// passed the checks above, each reported at the block or argument at fault.
    /// </summary>
    private void CheckPlatformRules(List<StackSpec> stacks, List<ServiceSpec> services, List<HclBlock> stackBlocks, List<HclBlock> serviceBlocks)
    {
        foreach (var problem in WorkloadRules.Validate(stacks, services, Spell))
        {
            var block = problem.Kind == "stacks" ? stackBlocks[problem.Index] : serviceBlocks[problem.Index];
            var at = problem.Attribute switch
            {
                "name" => block.LabelNodes.FirstOrDefault()?.FirstToken() ?? block.TypeToken,
                "health_check" => block.Body.Blocks.FirstOrDefault(b => b.Type == "health_check")?.TypeToken ?? block.TypeToken,
                { } name => block.Body.FindAttribute(name)?.NameToken ?? block.TypeToken,
                null => block.TypeToken,
            };
            var message = problem.Message.TrimEnd('.');
            var split = message.IndexOf("; ", StringComparison.Ordinal);
            Error(at, split > 0 ? message[..split] : message, split > 0 ? message[(split + 2)..] : "change it in widemesh.hcl");
        }
    }

    private static string Spell(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    private string? ReadName(HclAttribute attribute, string field)
    {
        var name = ReadString(attribute, field);
        if (name is not null && NameRules.Validate(name, field) is { } problem)
        {
            Error(attribute.Expression.FirstToken(), problem.TrimEnd('.'), "use a DNS label such as \"hello\"");
            return null;
        }

        return name;
    }

    private string? ReadCommand(HclAttribute attribute, string field)
    {
        var command = ReadString(attribute, field);
        if (command is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(command))
        {
            Error(attribute.Expression.FirstToken(), $"{field} is empty", "give the command line to run, as you would type it in a shell");
            return null;
        }

        if (command.Length > 4096)
        {
            Error(attribute.Expression.FirstToken(), $"{field} is {command.Length} characters long (at most 4096)", "put the long part in a script in the directory and run that");
            return null;
        }

        return command;
    }

    private void UnknownName(HclToken? at, string kind, string name, string where, IReadOnlyList<string> known)
    {
        var suggestion = NearestName.Find(name, known);
        Error(
            at,
            $"unknown {kind} \"{name}\" {where}",
            suggestion is not null ? $"did you mean \"{suggestion}\"?" : $"use one of: {string.Join(", ", known)}");
    }

    private void Error(HclToken? at, string what, string fix) =>
        _errors.Add(new ManifestError(_file, at?.Line ?? 1, at?.Column ?? 1, what, fix));
}

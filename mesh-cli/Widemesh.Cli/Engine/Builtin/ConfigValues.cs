using Widemesh.Cli.Hcl;
using Widemesh.Provider.Cty;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>
/// Turns evaluated HCL arguments into the configuration object Terraform would send: every schema
/// attribute present (null when not set), values converted to the attribute's type the way Terraform
/// converts them, unknown and read-only arguments refused like Terraform refuses them.
/// </summary>
internal static class ConfigValues
{
    public static CtyValue Build(ConfiguredResource resource, ResourceTypeSchema schema) =>
        BuildBody(resource.Address, resource.Arguments, resource.Blocks, schema.Block, resource.Location);

    /// <summary>Terraform's ProposedNewState: config, with computed attributes left null in config taken from prior; list blocks correlate by index.</summary>
    public static CtyValue ProposedNew(CtyValue prior, CtyValue config, ResourceTypeSchema schema) => ProposedNew(prior, config, schema.Block);

    private static CtyValue ProposedNew(CtyValue prior, CtyValue config, BlockSchema schema)
    {
        if (prior.IsNull || !prior.IsKnown || config.IsNull || !config.IsKnown)
        {
            return config;
        }

        var values = schema.Attributes.Select(attribute =>
        {
            var configured = config[attribute.Name];
            return KeyValuePair.Create(attribute.Name, attribute.Computed && configured.IsNull ? prior[attribute.Name] : configured);
        }).Concat(schema.Blocks.Select(block =>
        {
            var configured = config[block.TypeName];
            var before = prior[block.TypeName];
            if (block.Nesting != Provider.Protocol.Tfplugin6.Schema.Types.NestedBlock.Types.NestingMode.List || !configured.IsKnown || configured.IsNull || !before.IsKnown || before.IsNull)
            {
                return KeyValuePair.Create(block.TypeName, configured);
            }

            var elements = configured.Elements.Select((element, index) =>
                index < before.Elements.Count ? ProposedNew(before.Elements[index], element, block.Block) : element);
            return KeyValuePair.Create(block.TypeName, CtyValue.List(block.Block.Type, elements));
        }));
        return CtyValue.Object(schema.Type, values);
    }

    private static CtyValue BuildBody(
        string address,
        IReadOnlyDictionary<string, (HclValue Value, SourceLocation Location)> arguments,
        IReadOnlyList<ConfiguredBlock> blocks,
        BlockSchema schema,
        SourceLocation location)
    {
        foreach (var (name, (_, argumentLocation)) in arguments)
        {
            var attribute = schema.Find(name)
                ?? throw UnsupportedConstruct.Invalid($"{address} has no argument \"{name}\" (unsupported argument); its arguments are {string.Join(", ", schema.Attributes.Where(a => a.Required || a.Optional).Select(a => a.Name))}{(schema.Blocks.Count == 0 ? string.Empty : $" and its blocks {string.Join(", ", schema.Blocks.Select(b => b.TypeName))}")}.", argumentLocation);
            if (!attribute.Required && !attribute.Optional)
            {
                throw UnsupportedConstruct.Invalid($"{address}: \"{name}\" is read-only (computed by the platform); remove it.", argumentLocation);
            }
        }

        foreach (var block in blocks)
        {
            var nested = schema.FindBlock(block.Type)
                ?? throw UnsupportedConstruct.Invalid($"{address} has no block type \"{block.Type}\" (unsupported block type){(schema.Blocks.Count == 0 ? string.Empty : $"; its blocks are {string.Join(", ", schema.Blocks.Select(b => b.TypeName))}")}.", block.Location);
            if (!nested.IsSupported)
            {
                throw UnsupportedConstruct.At($"the {nested.Nesting} nested block \"{block.Type}\"", block.Location);
            }
        }

        var values = new List<KeyValuePair<string, CtyValue>>();
        foreach (var attribute in schema.Attributes)
        {
            var type = schema.TypeOf(attribute.Name);
            if (arguments.TryGetValue(attribute.Name, out var argument))
            {
                values.Add(KeyValuePair.Create(attribute.Name, Convert(argument.Value, type, $"{address}.{attribute.Name}", argument.Location)));
            }
            else if (attribute.Required)
            {
                throw UnsupportedConstruct.Invalid($"{address} is missing the required argument \"{attribute.Name}\".", location);
            }
            else
            {
                values.Add(KeyValuePair.Create(attribute.Name, CtyValue.Null(type)));
            }
        }

        foreach (var nested in schema.Blocks)
        {
            var ofType = blocks.Where(b => b.Type == nested.TypeName).ToList();
            if (nested.MaxItems > 0 && ofType.Count > nested.MaxItems)
            {
                throw UnsupportedConstruct.Invalid($"{address}: at most {nested.MaxItems} \"{nested.TypeName}\" block{(nested.MaxItems == 1 ? string.Empty : "s")} (too many blocks); remove the extra ones.", ofType[nested.MaxItems].Location);
            }

            var elements = ofType.Select((block, index) => BuildBody($"{address}.{nested.TypeName}[{index}]", block.Arguments, block.Blocks, nested.Block, block.Location)).ToList();
            values.Add(KeyValuePair.Create(nested.TypeName, nested.Nesting == Provider.Protocol.Tfplugin6.Schema.Types.NestedBlock.Types.NestingMode.Set
                ? CtyValue.Set(nested.Block.Type, elements)
                : CtyValue.List(nested.Block.Type, elements)));
        }

        return CtyValue.Object(schema.Type, values);
    }

    public static CtyValue Convert(HclValue value, CtyType type, string path, SourceLocation location)
    {
        if (value is HclNull)
        {
            return CtyValue.Null(type);
        }

        switch (type.Kind)
        {
            case CtyTypeKind.String:
                return value switch
                {
                    HclString s => CtyValue.String(s.Value),
                    HclNumber n => CtyValue.String(n.ToString()),
                    HclBool b => CtyValue.String(b.Value ? "true" : "false"),
                    _ => throw Mismatch(path, "a string", location),
                };
            case CtyTypeKind.Number:
                return value switch
                {
                    HclNumber n when CtyNumber.TryParse(n.ToString(), out var number) => CtyValue.Number(number),
                    HclString s when CtyNumber.TryParse(s.Value, out var number) => CtyValue.Number(number),
                    _ => throw Mismatch(path, "a number", location),
                };
            case CtyTypeKind.Bool:
                return value switch
                {
                    HclBool b => CtyValue.Bool(b.Value),
                    HclString { Value: "true" } => CtyValue.Bool(true),
                    HclString { Value: "false" } => CtyValue.Bool(false),
                    _ => throw Mismatch(path, "a bool", location),
                };
            case CtyTypeKind.List or CtyTypeKind.Set:
                if (value is not HclList list)
                {
                    throw Mismatch(path, $"a list of {Describe(type.ElementType!)}", location);
                }

                var elements = list.Items.Select((item, index) => item is HclNull
                    ? throw UnsupportedConstruct.Invalid($"{path}[{index}] is null; a {type.Kind.ToString().ToLowerInvariant()} element cannot be null.", location)
                    : Convert(item, type.ElementType!, $"{path}[{index}]", location)).ToList();
                return type.Kind == CtyTypeKind.List ? CtyValue.List(type.ElementType!, elements) : CtyValue.Set(type.ElementType!, elements);
            case CtyTypeKind.Map:
                if (value is not HclObject map)
                {
                    throw Mismatch(path, $"a map of {Describe(type.ElementType!)}", location);
                }

                return CtyValue.Map(type.ElementType!, map.Attributes.Select(a => KeyValuePair.Create(a.Key, Convert(a.Value, type.ElementType!, $"{path}[\"{a.Key}\"]", location))));
            default:
                throw UnsupportedConstruct.At($"a value of type {type} for {path}", location);
        }
    }

    private static string Describe(CtyType type) => type.Kind switch
    {
        CtyTypeKind.String => "strings",
        CtyTypeKind.Number => "numbers",
        CtyTypeKind.Bool => "bools",
        _ => type.ToString(),
    };

    private static CliException Mismatch(string path, string expected, SourceLocation location) =>
        UnsupportedConstruct.Invalid($"{path} must be {expected} (incorrect attribute value type).", location);
}

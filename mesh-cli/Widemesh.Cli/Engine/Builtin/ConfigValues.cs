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
    public static CtyValue Build(ConfiguredResource resource, ResourceTypeSchema schema)
    {
        foreach (var (name, (_, location)) in resource.Arguments)
        {
            var attribute = schema.Find(name)
                ?? throw UnsupportedConstruct.Invalid($"{resource.Address} has no argument \"{name}\" (unsupported argument); its arguments are {string.Join(", ", schema.Attributes.Where(a => a.Required || a.Optional).Select(a => a.Name))}.", location);
            if (!attribute.Required && !attribute.Optional)
            {
                throw UnsupportedConstruct.Invalid($"{resource.Address}: \"{name}\" is read-only (computed by the platform); remove it.", location);
            }
        }

        var values = new List<KeyValuePair<string, CtyValue>>();
        foreach (var attribute in schema.Attributes)
        {
            var type = schema.TypeOf(attribute.Name);
            if (resource.Arguments.TryGetValue(attribute.Name, out var argument))
            {
                values.Add(KeyValuePair.Create(attribute.Name, Convert(argument.Value, type, $"{resource.Address}.{attribute.Name}", argument.Location)));
            }
            else if (attribute.Required)
            {
                throw UnsupportedConstruct.Invalid($"{resource.Address} is missing the required argument \"{attribute.Name}\".", resource.Location);
            }
            else
            {
                values.Add(KeyValuePair.Create(attribute.Name, CtyValue.Null(type)));
            }
        }

        return CtyValue.Object(schema.Type, values);
    }

    /// <summary>Terraform's ProposedNewState: config, with computed attributes left null in config taken from prior.</summary>
    public static CtyValue ProposedNew(CtyValue prior, CtyValue config, ResourceTypeSchema schema)
    {
        if (prior.IsNull)
        {
            return config;
        }

        var values = schema.Attributes.Select(attribute =>
        {
            var configured = config[attribute.Name];
            return KeyValuePair.Create(attribute.Name, attribute.Computed && configured.IsNull ? prior[attribute.Name] : configured);
        });
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

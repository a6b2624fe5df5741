using Google.Protobuf;
using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Schema;
using Proto = Widemesh.Testing.Terraform.Protocol.Tfplugin6;

namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>Converts between the wire messages and the harness's own model, checking what Terraform checks on the way.</summary>
public static class ProtoConversions
{
    public static Proto.DynamicValue ToDynamic(CtyValue value, CtyType type) =>
        new() { Msgpack = ByteString.CopyFrom(CtyMsgpack.Encode(value, type)) };

    /// <summary>Decodes a DynamicValue like Terraform: msgpack if set, else JSON, else null; a bad value fails with <paramref name="title"/>.</summary>
    public static CtyValue FromDynamic(Proto.DynamicValue? value, CtyType type, string title, string what)
    {
        try
        {
            if (value is null || (value.Msgpack.IsEmpty && value.Json.IsEmpty))
            {
                return CtyValue.Null(type);
            }

            return value.Msgpack.IsEmpty ? CtyJson.Decode(value.Json.Span, type) : CtyMsgpack.Decode(value.Msgpack.Memory, type, strict: true);
        }
        catch (CtyException ex)
        {
            throw new ConformanceException(title, $"{what} does not conform to the schema type {type}: {ex.Message}");
        }
    }

    public static ResourceSchema FromProto(Proto.Schema? schema, string what)
    {
        if (schema is null)
        {
            throw new ConformanceException(TerraformErrors.InvalidSchema, $"{what}: schema is missing");
        }

        if (schema.Block is null)
        {
            throw new ConformanceException(TerraformErrors.InvalidSchema, $"{what}: Schema.block is not set; Terraform reads it without a nil check");
        }

        return new ResourceSchema(schema.Version, FromProto(schema.Block, what));
    }

    public static SchemaBlock FromProto(Proto.Schema.Types.Block block, string what) => new(
        [.. block.Attributes.Select(a => FromProto(a, what))],
        [.. block.BlockTypes.Select(b => new SchemaNestedBlock(
            b.TypeName,
            b.Block is null ? throw new ConformanceException(TerraformErrors.InvalidSchema, $"{what}.{b.TypeName}: nested block has no block") : FromProto(b.Block, $"{what}.{b.TypeName}"),
            (SchemaNesting)(int)b.Nesting,
            b.MinItems,
            b.MaxItems))],
        block.Computed,
        block.Deprecated,
        block.DeprecationMessage);

    public static IReadOnlyList<HarnessDiagnostic> FromProto(IEnumerable<Proto.Diagnostic> diagnostics, string rpc)
    {
        var result = new List<HarnessDiagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == Proto.Diagnostic.Types.Severity.Invalid)
            {
                throw new ConformanceException(TerraformErrors.InvalidDiagnostic,
                    $"{rpc} returned a diagnostic with severity INVALID (neither error nor warning; Terraform ignores it): \"{diagnostic.Summary}\" {diagnostic.Detail}");
            }

            if (string.IsNullOrWhiteSpace(diagnostic.Summary))
            {
                throw new ConformanceException(TerraformErrors.InvalidDiagnostic, $"{rpc} returned a diagnostic without a summary: {diagnostic.Detail}");
            }

            result.Add(new HarnessDiagnostic(
                (DiagnosticSeverity)(int)diagnostic.Severity,
                diagnostic.Summary,
                diagnostic.Detail,
                diagnostic.Attribute is null ? [] : FromProto(diagnostic.Attribute)));
        }

        return result;
    }

    public static IReadOnlyList<AttributePathStep> FromProto(Proto.AttributePath path) =>
    [
        .. path.Steps.Select(s => s.SelectorCase switch
        {
            Proto.AttributePath.Types.Step.SelectorOneofCase.AttributeName => new AttributePathStep(AttributeName: s.AttributeName),
            Proto.AttributePath.Types.Step.SelectorOneofCase.ElementKeyString => new AttributePathStep(ElementKey: s.ElementKeyString),
            Proto.AttributePath.Types.Step.SelectorOneofCase.ElementKeyInt => new AttributePathStep(ElementIndex: s.ElementKeyInt),
            _ => throw new ConformanceException(TerraformErrors.InvalidDiagnostic, "an attribute path step has no selector"),
        }),
    ];

    private static SchemaAttribute FromProto(Proto.Schema.Types.Attribute attribute, string what)
    {
        CtyType? type = null;
        if (!attribute.Type.IsEmpty)
        {
            try
            {
                type = CtyType.ParseJson(attribute.Type.Span);
            }
            catch (CtyException ex)
            {
                throw new ConformanceException(TerraformErrors.InvalidSchema, $"{what}.{attribute.Name}: type {attribute.Type.ToStringUtf8()} is not valid type JSON ({ex.Message}); Terraform panics on it");
            }
        }

        var nested = attribute.NestedType is null
            ? null
            : new SchemaObject([.. attribute.NestedType.Attributes.Select(a => FromProto(a, $"{what}.{attribute.Name}"))], (SchemaNesting)(int)attribute.NestedType.Nesting);
        return new SchemaAttribute(attribute.Name, type, attribute.Required, attribute.Optional, attribute.Computed, attribute.Sensitive,
            attribute.WriteOnly, attribute.Deprecated, attribute.DeprecationMessage, nested);
    }
}

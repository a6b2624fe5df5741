using System.Buffers;
using System.Text;
using System.Text.Json;
using Widemesh.Provider.Cty;
using Widemesh.Provider.Schema;
using Widemesh.Provider.Server;
using Widemesh.Testing.Snapshots;

namespace Widemesh.Provider.Tests.Schema;

public sealed class ProviderSchemaTests
{
    public static TheoryData<string> SchemaNames() =>
        [.. ProviderRegistry.Default.Resources.Keys.Select(k => "resource " + k), .. ProviderRegistry.Default.DataSources.Keys.Select(k => "data " + k), "provider"];

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Every_schema_passes_terraforms_internal_validation(string name)
    {
        var schema = Find(name);

        Assert.Empty(SchemaValidator.Validate(name, schema));
    }

    [Fact]
    public async Task Schema_response_lists_both_resources_and_five_data_sources_with_capabilities()
    {
        using var server = new ProviderServer();

        var response = await server.GetProviderSchemaAsync(new(), TestContext.Current.CancellationToken);

        Assert.NotNull(response.Provider.Block);
        Assert.Equal(["widemesh_environment", "widemesh_log_drain", "widemesh_rack"], response.ResourceSchemas.Keys.Order());
        Assert.Equal(["widemesh_dns_propagation", "widemesh_environment", "widemesh_environments", "widemesh_rack", "widemesh_racks"], response.DataSourceSchemas.Keys.Order());
        Assert.True(response.ServerCapabilities.PlanDestroy);
        Assert.All(response.ResourceSchemas.Values.SelectMany(s => s.Block.Attributes), a => CtyTypeJson.Parse(a.Type.Span));
        Assert.True(response.Provider.Block.Attributes.Single(a => a.Name == "token").Sensitive);
    }

    [Fact]
    public void Schema_matches_the_approved_snapshot()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var name in SchemaNames().Select(row => row.Data).Order(StringComparer.Ordinal))
            {
                var schema = Find(name);
                writer.WriteStartObject(name);
                writer.WriteNumber("version", schema.Version);
                WriteBlock(writer, schema.Block);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        Snapshot.Match(Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n", "json");
    }

    /// <summary>Attributes as <c>"name": "type flags"</c>, then each nested block type as <c>"block NAME"</c> with its nesting and content.</summary>
    private static void WriteBlock(Utf8JsonWriter writer, SchemaBlock block)
    {
        foreach (var attribute in block.Attributes)
        {
            var flags = new[] { attribute.Required ? "required" : null, attribute.Optional ? "optional" : null, attribute.Computed ? "computed" : null, attribute.Sensitive ? "sensitive" : null };
            writer.WriteString(attribute.Name, $"{CtyTypeJson.Serialize(attribute.Type)} {string.Join(' ', flags.Where(f => f is not null))}");
        }

        foreach (var nested in block.NestedBlocks)
        {
            writer.WriteStartObject($"block {nested.TypeName}");
            writer.WriteString("nesting", nested.MaxItems > 0 ? $"list (max {nested.MaxItems})" : "list");
            WriteBlock(writer, nested.Block);
            writer.WriteEndObject();
        }
    }

    private static ResourceSchema Find(string name) => name switch
    {
        "provider" => ProviderConfigSchema.Schema,
        _ when name.StartsWith("resource ", StringComparison.Ordinal) => ProviderRegistry.Default.Resources[name["resource ".Length..]].Schema,
        _ => ProviderRegistry.Default.DataSources[name["data ".Length..]].Schema,
    };
}

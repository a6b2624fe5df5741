using Widemesh.Provider.Schema;

namespace Widemesh.Provider;

/// <summary>The schema of the <c>provider "widemesh"</c> block.</summary>
internal static class ProviderConfigSchema
{
    public const string Endpoint = "endpoint";
    public const string Token = "token";
    public const string EndpointVariable = "WIDEMESH_ENDPOINT";
    public const string TokenVariable = "WIDEMESH_TOKEN";

    public static ResourceSchema Schema { get; } = new(0, new SchemaBlock(
        [
            SchemaAttribute.OptionalString(Endpoint, "URL of the platform API (meshd). Defaults to the `WIDEMESH_ENDPOINT` environment variable, then `http://127.0.0.1:4740`."),
            SchemaAttribute.OptionalString(Token, "API token. Defaults to the `WIDEMESH_TOKEN` environment variable. Never printed.") with { Sensitive = true },
        ],
        "The Widemesh provider manages racks and environments on a Widemesh platform (`meshd`)."));
}

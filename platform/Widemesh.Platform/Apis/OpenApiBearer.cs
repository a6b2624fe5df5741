using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Widemesh.Platform.Apis;

/// <summary>Describes the bearer-token scheme in the OpenAPI document, so generated clients send the token.</summary>
internal static class OpenApiBearer
{
    public const string SchemeName = "Bearer";

    public static Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Widemesh platform API";
        document.Info.Description = "meshd: racks, environments, accounts and tokens. Send 'Authorization: Bearer <token>'; "
            + "the first admin token is in <data-dir>/admin.token. Errors are RFC 7807 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API token (wm_...) from POST /v1/tokens or admin.token.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}

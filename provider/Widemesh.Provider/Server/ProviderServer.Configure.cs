using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Provider.Schema;
using Widemesh.Sdk.Client;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;
using static Widemesh.Provider.ProviderConfigSchema;

namespace Widemesh.Provider.Server;

internal sealed partial class ProviderServer
{
    public Task<Tf.ValidateProviderConfig.Types.Response> ValidateProviderConfigAsync(
        Tf.ValidateProviderConfig.Types.Request request, CancellationToken cancellationToken)
    {
        var response = new Tf.ValidateProviderConfig.Types.Response();
        if (TryDecode(request.Config, ConfigSchema.ImpliedType, "ValidateProviderConfig", "Provider Configuration", response.Diagnostics, out var config))
        {
            ValidateEndpoint(config, "Invalid Provider Configuration", response.Diagnostics);
        }

        return Task.FromResult(response);
    }

    public Task<Tf.ConfigureProvider.Types.Response> ConfigureProviderAsync(Tf.ConfigureProvider.Types.Request request, CancellationToken cancellationToken)
    {
        var response = new Tf.ConfigureProvider.Types.Response();
        if (!TryDecode(request.Config, ConfigSchema.ImpliedType, "ConfigureProvider", "Provider Configuration", response.Diagnostics, out var config))
        {
            return Task.FromResult(response);
        }

        if (config.IsUnknown || AttributeValues.IsUnknown(config, Endpoint) || AttributeValues.IsUnknown(config, Token))
        {
            Log.ConfiguredUnknown(_logger);
            Replace(PlatformConnection.CreateUnconfigured());
            return Task.FromResult(response);
        }

        var endpoint = ValidateEndpoint(config, "Configure Provider Error", response.Diagnostics);
        if (endpoint is null)
        {
            return Task.FromResult(response);
        }

        var token = AttributeValues.KnownString(config, Token) ?? NonEmpty(_options.GetEnvironmentVariable(TokenVariable));
        var client = new WidemeshClient(new WidemeshClientOptions { Endpoint = endpoint, Token = token, Timeout = _options.RequestTimeout });
        Replace(new PlatformConnection(client, endpoint));
        Log.Configured(_logger, endpoint, token is null ? "not set" : "set", request.TerraformVersion);
        return Task.FromResult(response);
    }

    /// <summary>The endpoint from config, else WIDEMESH_ENDPOINT, else the default; null (with a diagnostic) when invalid.</summary>
    private Uri? ValidateEndpoint(CtyValue config, string summary, ICollection<Tf.Diagnostic> diagnostics)
    {
        if (AttributeValues.IsUnknown(config, Endpoint))
        {
            return null;
        }

        var fromConfig = AttributeValues.KnownString(config, Endpoint);
        var text = fromConfig ?? NonEmpty(_options.GetEnvironmentVariable(EndpointVariable));
        if (text is null)
        {
            return WidemeshClientOptions.DefaultEndpoint;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        var source = fromConfig is null ? $"The {EndpointVariable} environment variable" : "endpoint";
        diagnostics.Add(ProviderDiagnostics.Error(
            summary,
            $"{source} is \"{text}\", which is not an http or https URL. Give the address meshd listens on, such as \"http://127.0.0.1:4740\".",
            fromConfig is null ? null : CtyPath.Attribute(Endpoint)));
        return null;
    }

    /// <summary>Swaps the connection. The previous client is left to in-flight calls (Terraform configures once per process).</summary>
    private void Replace(PlatformConnection platform)
    {
        lock (_gate)
        {
            _platform = platform;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static ResourceSchema ConfigSchema => ProviderConfigSchema.Schema;
}

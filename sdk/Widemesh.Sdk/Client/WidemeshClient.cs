using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly;
using Polly.Timeout;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Sdk.Client;

/// <summary>The typed client of the platform API (<c>/v1</c>).</summary>
public sealed partial class WidemeshClient : IDisposable
{
    private static readonly WidemeshJsonContext Json = WidemeshJsonContext.Default;

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _endpoint;
    private readonly string? _token;
    private readonly ResiliencePipeline<HttpResponseMessage> _safePipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _unsafePipeline;

    public WidemeshClient(WidemeshClientOptions options)
        : this(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, options, ownsHttp: true)
    {
    }

    public WidemeshClient(HttpClient http, WidemeshClientOptions options)
        : this(http, options, ownsHttp: false)
    {
    }

    private WidemeshClient(HttpClient http, WidemeshClientOptions options, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Endpoint);

        _http = http;
        _ownsHttp = ownsHttp;
        _endpoint = options.Endpoint.AbsoluteUri.EndsWith('/') ? options.Endpoint : new Uri(options.Endpoint.AbsoluteUri + "/");
        _token = options.Token;
        _safePipeline = TransientFailures.CreatePipeline(options, idempotent: true);
        _unsafePipeline = TransientFailures.CreatePipeline(options, idempotent: false);
    }

    public Uri Endpoint => _endpoint;

    public async Task<IReadOnlyList<Rack>> ListRacksAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "v1/racks", null, null, cancellationToken);
        return (await ReadAsync(response, Json.RackList, cancellationToken)).Items;
    }

    /// <summary>Returns the rack, or null when the account has no rack of that name.</summary>
    public async Task<Rack?> GetRackAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"v1/racks/{Escape(name)}", null, null, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(response, Json.Rack, cancellationToken);
    }

    public async Task<Rack> CreateRackAsync(CreateRackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(HttpMethod.Post, "v1/racks", JsonContent.Create(request, Json.CreateRackRequest), null, cancellationToken);
        return await ReadAsync(response, Json.Rack, cancellationToken);
    }

    /// <summary>Sets or clears the rack's <c>managedBy</c> (PATCH); racks are otherwise replaced, not updated.</summary>
    public async Task<Rack> UpdateRackAsync(string name, UpdateRackRequest request, long? ifMatchVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(
            HttpMethod.Patch, $"v1/racks/{Escape(name)}", JsonContent.Create(request, Json.UpdateRackRequest), ifMatchVersion, cancellationToken);
        return await ReadAsync(response, Json.Rack, cancellationToken);
    }

    public async Task DeleteRackAsync(string name, long? ifMatchVersion, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"v1/racks/{Escape(name)}", null, ifMatchVersion, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task<IReadOnlyList<EnvironmentInfo>> ListEnvironmentsAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "v1/environments", null, null, cancellationToken);
        return (await ReadAsync(response, Json.EnvironmentList, cancellationToken)).Items;
    }

    /// <summary>Returns the environment, or null when the account has none of that name.</summary>
    public async Task<EnvironmentInfo?> GetEnvironmentAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"v1/environments/{Escape(name)}", null, null, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(response, Json.EnvironmentInfo, cancellationToken);
    }

    public async Task<EnvironmentInfo> CreateEnvironmentAsync(CreateEnvironmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(
            HttpMethod.Post, "v1/environments", JsonContent.Create(request, Json.CreateEnvironmentRequest), null, cancellationToken);
        return await ReadAsync(response, Json.EnvironmentInfo, cancellationToken);
    }

    /// <summary>Changes the fields that <paramref name="request"/> sets (PATCH).</summary>
    public async Task<EnvironmentInfo> UpdateEnvironmentAsync(
        string name, UpdateEnvironmentRequest request, long? ifMatchVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(
            HttpMethod.Patch, $"v1/environments/{Escape(name)}", JsonContent.Create(request, Json.UpdateEnvironmentRequest), ifMatchVersion, cancellationToken);
        return await ReadAsync(response, Json.EnvironmentInfo, cancellationToken);
    }

    /// <summary>Replaces the environment's settings (PUT): <c>racks</c> is required, an absent <c>managedBy</c> clears it.</summary>
    public async Task<EnvironmentInfo> ReplaceEnvironmentAsync(
        string name, UpdateEnvironmentRequest request, long? ifMatchVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(
            HttpMethod.Put, $"v1/environments/{Escape(name)}", JsonContent.Create(request, Json.UpdateEnvironmentRequest), ifMatchVersion, cancellationToken);
        return await ReadAsync(response, Json.EnvironmentInfo, cancellationToken);
    }

    public async Task DeleteEnvironmentAsync(string name, long? ifMatchVersion, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"v1/environments/{Escape(name)}", null, ifMatchVersion, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Cheap plan-time check: is the name valid, and free (or already the caller's)?</summary>
    public async Task<NameAvailability> CheckEnvironmentNameAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"v1/environment-names/{Escape(name)}", null, null, cancellationToken);
        return await ReadAsync(response, Json.NameAvailability, cancellationToken);
    }

    /// <summary>The DNS records the platform serves for the environment (null on 404).</summary>
    public async Task<EnvironmentDns?> GetEnvironmentDnsAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"v1/environments/{Escape(name)}/dns", null, null, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(response, Json.EnvironmentDns, cancellationToken);
    }

    /// <summary>
    /// The DNS records of every environment of the account in one request (environments without an address yet are
    /// left out); null when meshd is older than this endpoint (404), so a caller can ask environment by environment.
    /// </summary>
    public async Task<IReadOnlyList<EnvironmentDns>?> ListEnvironmentDnsAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "v1/dns/records", null, null, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : (await ReadAsync(response, Json.EnvironmentDnsList, cancellationToken)).Environments;
    }

    /// <summary>
    /// Asks each resolver (<c>IP</c> or <c>IP:port</c>; the platform's defaults when none) what it answers for the
    /// environment's host name, and whether all answer the address of its last rack.
    /// </summary>
    public async Task<DnsPropagation> GetDnsPropagationAsync(string name, IReadOnlyList<string>? resolvers, CancellationToken cancellationToken)
    {
        var query = resolvers is { Count: > 0 } ? "?" + string.Join('&', resolvers.Select(r => "resolver=" + Uri.EscapeDataString(r))) : string.Empty;
        using var response = await SendAsync(HttpMethod.Get, $"v1/environments/{Escape(name)}/dns/propagation{query}", null, null, cancellationToken);
        return await ReadAsync(response, Json.DnsPropagation, cancellationToken);
    }

    /// <summary>The log drains of the environment, with their forwarding status.</summary>
    public async Task<IReadOnlyList<Drain>> ListDrainsAsync(string environment, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"v1/environments/{Escape(environment)}/drains", null, null, cancellationToken);
        return (await ReadAsync(response, Json.DrainList, cancellationToken)).Items;
    }

    /// <summary>Adds a drain that forwards the environment's logs to a syslog server from now on.</summary>
    public async Task<Drain> CreateDrainAsync(string environment, CreateDrainRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(
            HttpMethod.Post, $"v1/environments/{Escape(environment)}/drains", JsonContent.Create(request, Json.CreateDrainRequest), null, cancellationToken);
        return await ReadAsync(response, Json.Drain, cancellationToken);
    }

    public async Task DeleteDrainAsync(string environment, string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"v1/environments/{Escape(environment)}/drains/{Escape(id)}", null, null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task<WhoAmI> WhoAmIAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "v1/whoami", null, null, cancellationToken);
        return await ReadAsync(response, Json.WhoAmI, cancellationToken);
    }

    public async Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "v1/accounts", null, null, cancellationToken);
        return (await ReadAsync(response, Json.AccountList, cancellationToken)).Items;
    }

    public async Task<Account> CreateAccountAsync(CreateAccountRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(HttpMethod.Post, "v1/accounts", JsonContent.Create(request, Json.CreateAccountRequest), null, cancellationToken);
        return await ReadAsync(response, Json.Account, cancellationToken);
    }

    public async Task<IReadOnlyList<ApiToken>> ListTokensAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "v1/tokens", null, null, cancellationToken);
        return (await ReadAsync(response, Json.ApiTokenList, cancellationToken)).Items;
    }

    /// <summary>Creates a token; the answer's <see cref="ApiToken.Token"/> holds the secret, shown this once only.</summary>
    public async Task<ApiToken> CreateTokenAsync(CreateTokenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(HttpMethod.Post, "v1/tokens", JsonContent.Create(request, Json.CreateTokenRequest), null, cancellationToken);
        return await ReadAsync(response, Json.ApiToken, cancellationToken);
    }

    public async Task DeleteTokenAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"v1/tokens/{Escape(id)}", null, null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>One attempt at <c>/healthz</c>, without retries: true when the platform answers 200.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(_endpoint, "healthz"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static string Escape(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Uri.EscapeDataString(name);
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, HttpContent? content, long? ifMatchVersion, CancellationToken cancellationToken)
    {
        var safe = method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete;
        var pipeline = safe ? _safePipeline : _unsafePipeline;
        var body = content is null ? null : await content.ReadAsByteArrayAsync(cancellationToken);
        var mediaType = content?.Headers.ContentType;
        content?.Dispose();

        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = new HttpRequestMessage(method, new Uri(_endpoint, path));
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    if (_token is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
                    }

                    if (ifMatchVersion is { } version)
                    {
                        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
                    }

                    if (body is not null)
                    {
                        request.Content = new ByteArrayContent(body);
                        request.Content.Headers.ContentType = mediaType;
                    }

                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
                },
                cancellationToken);
        }
        catch (HttpRequestException exception) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = TransientFailures.IsConnectFailure(exception) ? "connection refused or unreachable" : exception.Message;
            throw new WidemeshUnreachableException(_endpoint, reason, exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new WidemeshUnreachableException(_endpoint, $"no answer within {exception.Timeout.TotalSeconds:0.#} s", exception);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken)
                ?? throw new JsonException("The answer was JSON null.");
        }
        catch (JsonException exception)
        {
            var problem = new ApiProblem
            {
                Title = "Unreadable answer",
                Detail = $"The platform answered {(int)response.StatusCode} with a body that is not a {typeof(T).Name}: {exception.Message}",
            };
            throw new WidemeshApiException(problem, (int)response.StatusCode);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        ApiProblem? problem = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                problem = JsonSerializer.Deserialize(text, Json.ApiProblem);
            }
            catch (JsonException)
            {
                problem = null;
            }
        }

        problem ??= new ApiProblem
        {
            Status = status,
            Title = response.ReasonPhrase ?? $"HTTP {status}",
            Detail = text.Length == 0 ? $"The platform answered {status} {response.ReasonPhrase}." : text[..Math.Min(text.Length, 500)],
        };
        throw WidemeshApiException.Create(problem, status);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Polly.Timeout;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Sdk.Client;

/// <summary>The migration record of an environment: <c>/v1/environments/{name}/migration</c>.</summary>
public sealed partial class WidemeshClient
{
    /// <summary>The environment's migration in progress, or null when none is recorded (or there is no such environment).</summary>
    public async Task<MigrationInfo?> GetMigrationAsync(string environment, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, MigrationPath(environment), null, null, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(response, Json.MigrationInfo, cancellationToken);
    }

    /// <summary>
    /// Records a new migration; throws <see cref="WidemeshPreconditionFailedException"/> when one is already recorded
    /// (sent with <c>If-None-Match: *</c>, so two runs cannot both start one).
    /// </summary>
    public async Task<MigrationInfo> CreateMigrationAsync(string environment, MigrationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await JsonContent.Create(request, Json.MigrationRequest).ReadAsByteArrayAsync(cancellationToken);
        var uri = new Uri(_endpoint, MigrationPath(environment));
        try
        {
            using var response = await _unsafePipeline.ExecuteAsync(
                async token =>
                {
                    using var message = new HttpRequestMessage(HttpMethod.Put, uri);
                    message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    message.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
                    if (_token is not null)
                    {
                        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
                    }

                    message.Content = new ByteArrayContent(body);
                    message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    return await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, token);
                },
                cancellationToken);
            return await ReadAsync(response, Json.MigrationInfo, cancellationToken);
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

    /// <summary>Replaces the recorded migration; with <paramref name="ifMatchVersion"/>, only if nobody changed it since.</summary>
    public async Task<MigrationInfo> UpdateMigrationAsync(string environment, MigrationRequest request, long? ifMatchVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(
            HttpMethod.Put, MigrationPath(environment), JsonContent.Create(request, Json.MigrationRequest), ifMatchVersion, cancellationToken);
        return await ReadAsync(response, Json.MigrationInfo, cancellationToken);
    }

    /// <summary>Deletes the recorded migration (done or aborted); false when none was recorded.</summary>
    public async Task<bool> DeleteMigrationAsync(string environment, long? ifMatchVersion, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, MigrationPath(environment), null, ifMatchVersion, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return true;
    }

    private static string MigrationPath(string environment) => $"v1/environments/{Escape(environment)}/migration";
}

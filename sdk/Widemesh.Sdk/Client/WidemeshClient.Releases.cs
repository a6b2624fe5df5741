using System.Net.Http.Headers;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Sdk.Client;

/// <summary>Releases (<c>/v1/environments/{name}/releases</c>) and instances (<c>/v1/environments/{name}/instances</c>).</summary>
public sealed partial class WidemeshClient
{
    /// <summary>
    /// Uploads <paramref name="archive"/> (the application's directory as .tar.gz) as the environment's next release.
    /// Streamed, not buffered, and never retried: a POST that may have arrived is not sent twice.
    /// </summary>
    public async Task<Release> UploadReleaseAsync(string environment, Stream archive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, $"v1/environments/{Escape(environment)}/releases"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        request.Content = new StreamContent(archive, 81920);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
        if (archive.CanSeek)
        {
            request.Content.Headers.ContentLength = archive.Length - archive.Position;
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException exception) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = TransientFailures.IsConnectFailure(exception) ? "connection refused or unreachable" : exception.Message;
            throw new WidemeshUnreachableException(_endpoint, reason, exception);
        }

        using (response)
        {
            return await ReadAsync(response, Json.Release, cancellationToken);
        }
    }

    /// <summary>The environment's releases, newest first.</summary>
    public async Task<IReadOnlyList<Release>> ListReleasesAsync(string environment, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"v1/environments/{Escape(environment)}/releases", null, null, cancellationToken);
        return (await ReadAsync(response, Json.ReleaseList, cancellationToken)).Items;
    }

    /// <summary>What runs of the environment on each of its racks.</summary>
    public async Task<IReadOnlyList<InstanceInfo>> ListInstancesAsync(string environment, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"v1/environments/{Escape(environment)}/instances", null, null, cancellationToken);
        return (await ReadAsync(response, Json.InstanceList, cancellationToken)).Items;
    }
}

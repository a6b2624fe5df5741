using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Widemesh.Sdk.Contracts.Logs;
using Widemesh.Sdk.Durations;

namespace Widemesh.Sdk.Client;

/// <summary>The logs endpoints: <c>GET</c> and <c>POST /v1/environments/{name}/logs</c>.</summary>
public sealed partial class WidemeshClient
{
    /// <summary>
    /// Opens the environment's logs (once, without retries: a follower decides itself when to reconnect, resuming
    /// with <see cref="LogQueryOptions.Cursor"/>). Throws the usual API exceptions for a refusal (unknown
    /// environment, bad token, bad parameter) and <see cref="WidemeshUnreachableException"/> when meshd cannot be reached.
    /// </summary>
    public async Task<LogStream> OpenLogStreamAsync(string environment, LogQueryOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var uri = new Uri(_endpoint, $"v1/environments/{Escape(environment)}/logs{LogQueryString(options)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));
        if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException exception) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = TransientFailures.IsConnectFailure(exception) ? "connection refused or unreachable" : exception.Message;
            throw new WidemeshUnreachableException(_endpoint, reason, exception);
        }

        try
        {
            await EnsureSuccessAsync(response, cancellationToken);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new LogStream(
                response,
                body,
                HeaderTime(response, "X-Widemesh-Logs-Oldest"),
                HeaderNumber(response, "X-Widemesh-Logs-Cursor"),
                HeaderTime(response, "X-Widemesh-Logs-Since"),
                response.Headers.TryGetValues("X-Widemesh-Logs-Dropped", out var dropped) && dropped.FirstOrDefault() == "true",
                options.Follow ? SilenceLimit(response) : null);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// How long a follow may stay silent before it counts as dead: three of the heartbeats the server announced, or
    /// no limit when it announced none (a meshd from before heartbeats, which would otherwise be reconnected to again
    /// and again).
    /// </summary>
    private static TimeSpan? SilenceLimit(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Widemesh-Logs-Heartbeat", out var values)
        && double.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
        && seconds > 0
            ? 3 * TimeSpan.FromSeconds(seconds)
            : null;

    /// <summary>Sends a batch of log lines; with an account token every entry names one of the environment's racks.</summary>
    public async Task<LogIngestResult> IngestLogsAsync(string environment, IReadOnlyList<LogIngestEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var response = await SendAsync(
            HttpMethod.Post,
            $"v1/environments/{Escape(environment)}/logs",
            JsonContent.Create(entries, LogsJsonContext.Default.IReadOnlyListLogIngestEntry),
            null,
            cancellationToken);
        return await ReadAsync(response, LogsJsonContext.Default.LogIngestResult, cancellationToken);
    }

    /// <summary>
    /// Sends raw output of one source as text/plain: cut into lines at <c>\n</c> (a missing final newline is fine,
    /// a trailing <c>\r</c> is removed), bytes that are not UTF-8 stored as <c>\xNN</c>. Cheaper for the platform than
    /// <see cref="IngestLogsAsync"/> when all lines share one source. <see cref="LogIngestResult.Accepted"/> counts
    /// the entries stored (a line over 64 KiB counts once per piece).
    /// </summary>
    public async Task<LogIngestResult> IngestLogTextAsync(string environment, LogTextSource source, ReadOnlyMemory<byte> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parts = new List<string>();
        AddQueryPart(parts, "stack", source.Stack);
        AddQueryPart(parts, "service", source.Service);
        AddQueryPart(parts, "instance", source.Instance);
        AddQueryPart(parts, "stream", source.Stream);
        AddQueryPart(parts, "rack", source.Rack);
        var content = new ReadOnlyMemoryContent(lines) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } };
        using var response = await SendAsync(
            HttpMethod.Post,
            $"v1/environments/{Escape(environment)}/logs?{string.Join('&', parts)}",
            content,
            null,
            cancellationToken);
        return await ReadAsync(response, LogsJsonContext.Default.LogIngestResult, cancellationToken);
    }

    private static string LogQueryString(LogQueryOptions options)
    {
        var parts = new List<string>();
        if (options.Cursor is { } cursor)
        {
            parts.Add("cursor=" + cursor.ToString(CultureInfo.InvariantCulture));
        }
        else if (options.Since is { } since)
        {
            parts.Add("since=" + DurationParser.Format(since));
        }

        AddQueryPart(parts, "until", options.Until);
        AddQueryPart(parts, "stack", options.Stack);
        AddQueryPart(parts, "service", options.Service);
        AddQueryPart(parts, "rack", options.Rack);
        AddQueryPart(parts, "instance", options.Instance);
        AddQueryPart(parts, "filter", options.Filter);
        if (options.Follow)
        {
            parts.Add("follow=true");
            if (options.Heartbeat is { } heartbeat)
            {
                parts.Add("heartbeat=" + DurationParser.Format(heartbeat));
            }
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    private static void AddQueryPart(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }

    private static DateTimeOffset? HeaderTime(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && DateTimeOffset.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    private static long? HeaderNumber(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}

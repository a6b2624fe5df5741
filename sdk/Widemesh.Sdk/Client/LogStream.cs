using System.Runtime.CompilerServices;
using System.Text.Json;
using Widemesh.Sdk.Contracts.Logs;

namespace Widemesh.Sdk.Client;

/// <summary>
/// An open answer of <c>GET /v1/environments/{name}/logs</c>: the facts of its headers, and its entries read one
/// NDJSON line at a time as they arrive (nothing is buffered beyond the current line). Dispose it to close the
/// connection, which also ends a follow.
/// </summary>
public sealed class LogStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;

    internal LogStream(HttpResponseMessage response, Stream body, DateTimeOffset? oldest, long? cursor, DateTimeOffset? since, bool dropped, TimeSpan? silenceLimit)
    {
        SilenceLimit = silenceLimit;
        Dropped = dropped;
        _response = response;
        _body = body;
        Oldest = oldest;
        Cursor = cursor;
        Since = since;
    }

    /// <summary>When the oldest entry still kept was received (<c>X-Widemesh-Logs-Oldest</c>); null when none is kept.</summary>
    public DateTimeOffset? Oldest { get; }

    /// <summary>The newest <c>seq</c> when the answer started (<c>X-Widemesh-Logs-Cursor</c>).</summary>
    public long? Cursor { get; }

    /// <summary>
    /// True when the platform's retention (1 hour, 500 MB) dropped older entries of the environment
    /// (<c>X-Widemesh-Logs-Dropped</c>); false for an environment whose first line is still kept, however young.
    /// </summary>
    public bool Dropped { get; }

    /// <summary>
    /// For a follow: how long the answer may stay silent (no line and no heartbeat, three heartbeat intervals) before
    /// <see cref="ReadLinesAsync"/> declares the connection dead with an <see cref="IOException"/>.
    /// </summary>
    public TimeSpan? SilenceLimit { get; }

    /// <summary>The effective start of the answer (<c>X-Widemesh-Logs-Since</c>).</summary>
    public DateTimeOffset? Since { get; }

    /// <summary>
    /// The entries, oldest first. The enumeration ends when the platform ends the answer; a connection that drops
    /// (or is cut in the middle of a line) throws <see cref="IOException"/> or <see cref="HttpRequestException"/>,
    /// after every complete line before it was yielded. Heartbeat lines (<c>{"heartbeat":"…Z"}</c>) are not yielded;
    /// a follow that stays silent longer than <see cref="SilenceLimit"/> throws <see cref="IOException"/>.
    /// </summary>
    public async IAsyncEnumerable<LogLine> ReadLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(_body, leaveOpen: true);
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            string? text;
            if (SilenceLimit is { } limit)
            {
                silence.CancelAfter(limit);
            }

            try
            {
                text = await reader.ReadLineAsync(silence.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new IOException(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"meshd sent neither a line nor a heartbeat for {SilenceLimit!.Value.TotalSeconds:0.#} s (three heartbeats): the connection is dead."));
            }

            if (text is null)
            {
                yield break;
            }

            if (text.Length == 0 || text.StartsWith("{\"heartbeat\"", StringComparison.Ordinal))
            {
                continue;
            }

            LogLine? line;
            try
            {
                line = JsonSerializer.Deserialize(text, LogsJsonContext.Default.LogLine);
            }
            catch (JsonException exception)
            {
                // Only the last line of a dropped connection can be cut short; the platform writes whole lines.
                throw new IOException("The log stream ended in the middle of a line (the connection dropped).", exception);
            }

            if (line is not null)
            {
                yield return line;
            }
        }
    }

    public void Dispose()
    {
        _body.Dispose();
        _response.Dispose();
    }
}

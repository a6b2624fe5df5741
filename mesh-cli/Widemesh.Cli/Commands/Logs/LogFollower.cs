using System.Runtime.CompilerServices;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts.Logs;

namespace Widemesh.Cli.Commands.Logs;

/// <summary>
/// Reads an environment's logs and, when following, keeps reading across dropped connections: it reconnects with
/// a growing delay and resumes after the <c>seq</c> of the last line it passed on, skipping anything at or below
/// it, so no line is lost or repeated. Refusals (unknown environment, bad token) end it with their exception.
/// </summary>
internal sealed class LogFollower(WidemeshClient client, string environment, LogQueryOptions query, TimeProvider time)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(3);

    /// <summary>Called once with the first answer (its header facts), before any line.</summary>
    public Action<LogStream>? Opened { get; init; }

    /// <summary>Called with a short note when the connection drops and when it comes back.</summary>
    public Action<string>? Note { get; init; }

    public async IAsyncEnumerable<LogLine> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? last = null;
        var firstOpenedAt = (DateTimeOffset?)null;
        var delay = FirstDelay;
        var lost = false;
        while (true)
        {
            var stream = await TryOpenAsync(last, firstOpenedAt, lost, cancellationToken);
            if (stream is null)
            {
                await Task.Delay(delay, time, cancellationToken);
                delay = delay * 2 > MaxDelay ? MaxDelay : delay * 2;
                continue;
            }

            if (firstOpenedAt is null)
            {
                firstOpenedAt = time.GetUtcNow();
                Opened?.Invoke(stream);
            }
            else if (lost)
            {
                Note?.Invoke("reconnected; resuming after the last line shown.");
            }

            lost = false;
            delay = FirstDelay;
            var dropped = false;
            using (stream)
            {
                await using var lines = stream.ReadLinesAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
                while (true)
                {
                    try
                    {
                        if (!await lines.MoveNextAsync())
                        {
                            break;
                        }
                    }
                    catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                    {
                        dropped = true;
                        break;
                    }

                    var line = lines.Current;
                    if (last is { } seen && line.Seq <= seen)
                    {
                        continue;
                    }

                    last = line.Seq;
                    yield return line;
                }
            }

            if (!query.Follow && !dropped)
            {
                yield break;
            }

            // A follow answer ends only when meshd stops or the connection drops: pick it up again.
            lost = true;
            Note?.Invoke("the connection to meshd was lost; reconnecting…");
        }
    }

    private async Task<LogStream?> TryOpenAsync(long? last, DateTimeOffset? firstOpenedAt, bool reconnecting, CancellationToken cancellationToken)
    {
        var options = query;
        if (last is not null)
        {
            options = query with { Cursor = last };
        }
        else if (firstOpenedAt is { } openedAt)
        {
            // Nothing shown yet: ask again for the same window, which is now further back by the time that passed.
            var elapsed = time.GetUtcNow() - openedAt;
            options = query with { Since = (query.Since ?? TimeSpan.FromMinutes(1)) + TimeSpan.FromSeconds(Math.Ceiling(elapsed.TotalSeconds)) };
        }

        try
        {
            return await client.OpenLogStreamAsync(environment, options, cancellationToken);
        }
        catch (WidemeshUnreachableException) when (reconnecting)
        {
            return null;
        }
        catch (WidemeshApiException exception) when (reconnecting && exception.Status >= 500)
        {
            return null;
        }
    }
}

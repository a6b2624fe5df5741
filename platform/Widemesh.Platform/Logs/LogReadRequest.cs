using System.Globalization;
using Widemesh.Sdk.Durations;

namespace Widemesh.Platform.Logs;

/// <summary>
/// The time window of <c>GET …/logs</c>: <c>since</c> is a duration back from now (<c>15m</c>); <c>until</c> is a
/// duration back from now or an RFC 3339 time; <c>follow</c> is true or false; <c>cursor</c> is the <c>seq</c> of the
/// last entry the client has, and replaces <c>since</c>; <c>heartbeat</c> (with <c>follow</c>, default 5 s, 1 s to 5 min,
/// or <c>off</c>) is how long a quiet follow waits before it writes a heartbeat line.
/// </summary>
internal sealed record LogReadRequest(DateTimeOffset? Since, DateTimeOffset? Until, bool Follow, long? Cursor, TimeSpan? Heartbeat = null)
{
    public static readonly TimeSpan DefaultHeartbeat = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan MinHeartbeat = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MaxHeartbeat = TimeSpan.FromMinutes(5);

    public static LogFieldProblem? TryParse(DateTimeOffset now, string? since, string? until, string? follow, string? cursor, out LogReadRequest request) =>
        TryParse(now, since, until, follow, cursor, null, out request);

    public static LogFieldProblem? TryParse(DateTimeOffset now, string? since, string? until, string? follow, string? cursor, string? heartbeat, out LogReadRequest request)
    {
        request = new LogReadRequest(null, null, false, null);
        DateTimeOffset? from = null;
        if (since is not null)
        {
            if (!DurationParser.TryParse(since, out var back, out var error))
            {
                return new LogFieldProblem("since", $"since: {error}");
            }

            from = now - back;
        }

        DateTimeOffset? to = null;
        if (until is not null)
        {
            if (DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && until.Contains('T', StringComparison.Ordinal))
            {
                to = at;
            }
            else if (DurationParser.TryParse(until, out var back, out var error))
            {
                to = now - back;
            }
            else
            {
                return new LogFieldProblem("until", $"until: {error} Or give an RFC 3339 time such as 2026-01-02T15:04:05Z.");
            }
        }

        var following = false;
        if (follow is not null && !bool.TryParse(follow, out following))
        {
            return new LogFieldProblem("follow", $"follow is '{follow}': use true or false.");
        }

        long? after = null;
        if (cursor is not null)
        {
            if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return new LogFieldProblem("cursor", $"cursor is '{cursor}': use the 'seq' of the last entry you received (a whole number, 0 or more).");
            }

            after = value;
        }

        TimeSpan? beat = following ? DefaultHeartbeat : null;
        if (heartbeat is "off")
        {
            beat = null;
        }
        else if (heartbeat is not null)
        {
            if (!DurationParser.TryParse(heartbeat, out var interval, out var error) || interval < MinHeartbeat || interval > MaxHeartbeat)
            {
                return new LogFieldProblem("heartbeat", $"heartbeat is '{heartbeat}': give a duration from 1s to 5m, such as 5s, or off. {error}".TrimEnd());
            }

            beat = following ? interval : null;
        }

        request = new LogReadRequest(from, to, following, after, beat);
        return null;
    }
}

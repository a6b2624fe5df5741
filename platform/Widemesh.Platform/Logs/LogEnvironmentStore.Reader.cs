using System.Runtime.CompilerServices;

namespace Widemesh.Platform.Logs;

/// <summary>
/// The reader side. A query walks the segments with a <see cref="LogReadCursor"/> and decodes one frame at a time,
/// so memory stays at one frame whatever the size of the answer. A follower that reaches the committed end waits
/// for the next commit and goes on from the sequence number after the last one it saw: no gap, no duplicate.
/// </summary>
internal sealed partial class LogEnvironmentStore
{
    public async IAsyncEnumerable<LogEntry> ReadAsync(
        LogQuery query, long sinceTicks, long untilTicks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new LogEntryFilter(query);
        var names = new LogNameCache();
        var decoded = new List<LogEntry>();
        using var cursor = new LogReadCursor(this, query.AfterSequence is null ? sinceTicks : null, query.AfterSequence + 1 ?? 0);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = cursor.Next(out var changed);
            if (step == LogReadStep.Deleted)
            {
                yield break;
            }

            if (step == LogReadStep.End)
            {
                if (!query.Follow)
                {
                    yield break;
                }

                await changed.WaitAsync(cancellationToken);
                continue;
            }

            var stop = Decode(cursor, filter, names, sinceTicks, untilTicks, decoded);
            foreach (var entry in decoded)
            {
                yield return entry;
            }

            decoded.Clear();
            if (stop)
            {
                yield break;
            }
        }
    }

    /// <summary>Decodes the matching entries of the cursor's frame; true when an entry past <c>until</c> was reached.</summary>
    private bool Decode(LogReadCursor cursor, LogEntryFilter filter, LogNameCache names, long sinceTicks, long untilTicks, List<LogEntry> output)
    {
        var payload = cursor.Payload;
        var position = 0;
        while (LogRecordCodec.TryReadRecord(payload, ref position, out var record))
        {
            if (record.Sequence < cursor.NextSequence)
            {
                continue;
            }

            cursor.NextSequence = record.Sequence + 1;
            if (record.Ticks < sinceTicks)
            {
                continue;
            }

            if (record.Ticks > untilTicks)
            {
                return true;
            }

            if (!filter.Matches(record))
            {
                continue;
            }

            var message = System.Text.Encoding.UTF8.GetString(record.Message);
            if (filter.Text is { } text && !message.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            output.Add(new LogEntry(
                record.Sequence,
                new DateTimeOffset(record.Ticks, TimeSpan.Zero),
                record.SourceTicks == 0 ? null : new DateTimeOffset(record.SourceTicks, TimeSpan.Zero),
                Id,
                names.Get(record.Rack),
                record.Kind,
                names.Get(record.Source),
                names.Get(record.Instance),
                record.Stream,
                message,
                record.Continuation));
        }

        return false;
    }
}

using System.Buffers;
using System.Text;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Racks.Local;

/// <summary>
/// Carries an instance's stdout and stderr into the log store, whole lines at a time: a line is sent once its
/// <c>\n</c> arrives (or the stream ends). <see cref="LogText"/> then strips <c>\r</c>, escapes invalid UTF-8 and cuts
/// lines over 64 KiB into continuation entries; a partial line that grows past 64 KiB without a newline is sent as it
/// is, so its rest starts a new entry. Keeps the last few lines to explain a crash.
/// </summary>
internal sealed class InstanceOutput(LogIngestor ingestor, string environmentId, LogSourceRef source, ILogger logger)
{
    private const int ReadSize = 64 * 1024;
    private const int KeptLines = 5;
    private const int KeptLineChars = 300;

    private readonly Queue<string> _lastLines = new();
    private bool _lost;

    /// <summary>The last lines printed on either stream, oldest first.</summary>
    public IReadOnlyList<string> LastLines
    {
        get
        {
            lock (_lastLines)
            {
                return [.. _lastLines];
            }
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end; waits for the store when it is busy (back-pressure).</summary>
    public async Task PumpAsync(Stream stream, LogStream kind, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadSize * 2);
        try
        {
            var pending = 0;
            while (true)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(pending, ReadSize), cancellationToken);
                if (read == 0)
                {
                    if (pending > 0)
                    {
                        await StoreAsync(buffer.AsMemory(0, pending), kind, cancellationToken);
                    }

                    return;
                }

                pending += read;
                var cut = buffer.AsSpan(0, pending).LastIndexOf((byte)'\n') + 1;
                if (cut == 0 && pending >= LogText.MaxMessageBytes)
                {
                    cut = pending;
                }

                if (cut > 0)
                {
                    await StoreAsync(buffer.AsMemory(0, cut), kind, cancellationToken);
                    buffer.AsSpan(cut, pending - cut).CopyTo(buffer);
                    pending -= cut;
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke with the process.
        }
        catch (ObjectDisposedException)
        {
            // The process object went away first.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task StoreAsync(ReadOnlyMemory<byte> lines, LogStream kind, CancellationToken cancellationToken)
    {
        Remember(lines.Span);
        if (_lost)
        {
            return;
        }

        try
        {
            await ingestor.AppendOutputAsync(environmentId, source, kind, lines, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or ArgumentException or ObjectDisposedException)
        {
            _lost = true;
            LocalRuntimeLog.OutputLost(logger, exception, environmentId, source.Instance);
        }
    }

    private void Remember(ReadOnlySpan<byte> lines)
    {
        var text = Encoding.UTF8.GetString(lines.Length > 4 * KeptLineChars * KeptLines ? lines[^(4 * KeptLineChars * KeptLines)..] : lines);
        lock (_lastLines)
        {
            foreach (var line in text.Split('\n'))
            {
                var trimmed = line.TrimEnd('\r');
                if (trimmed.Length == 0)
                {
                    continue;
                }

                _lastLines.Enqueue(trimmed.Length > KeptLineChars ? trimmed[..KeptLineChars] + "…" : trimmed);
                while (_lastLines.Count > KeptLines)
                {
                    _lastLines.Dequeue();
                }
            }
        }
    }
}

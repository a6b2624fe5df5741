using System.Buffers;
using System.Buffers.Text;

namespace Widemesh.Platform.Logs;

/// <summary>
/// The round-trip ("O") UTF-8 text of the last received and source times written. The writer stamps a whole batch
/// with one received time, so consecutive entries nearly always share it and it is formatted once per batch.
/// </summary>
internal sealed class LogTimeText
{
    private readonly Cached _received = new();
    private readonly Cached _source = new();

    public ReadOnlySpan<byte> Received(long ticks) => _received.Format(ticks);

    public ReadOnlySpan<byte> Source(long ticks) => _source.Format(ticks);

    private sealed class Cached
    {
        private readonly byte[] _text = new byte[33];
        private long _ticks = -1;
        private int _length;

        public ReadOnlySpan<byte> Format(long ticks)
        {
            if (ticks != _ticks)
            {
                Utf8Formatter.TryFormat(new DateTime(ticks, DateTimeKind.Utc), _text, out _length, new StandardFormat('O'));
                _ticks = ticks;
            }

            return _text.AsSpan(0, _length);
        }
    }
}

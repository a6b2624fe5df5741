using System.Buffers;
using System.Buffers.Text;

namespace Widemesh.Platform.Logs;

/// <summary>
/// The parts of NDJSON lines that repeat from one entry to the next, formatted once per value: the received time (the
/// writer stamps a whole batch with one), the source time, and the run from <c>"rack"</c> to the opening quote of
/// <c>"message"</c>, which is the same for every line of one instance's stream.
/// </summary>
internal sealed class LogLineText
{
    private readonly Cached _received = new();
    private readonly Cached _source = new();
    private readonly ArrayBufferWriter<byte> _names = new(256);
    private byte[] _namesKey = [];
    private LogSourceKind _namesKind;
    private LogStream _namesStream;

    public ReadOnlySpan<byte> Received(long ticks) => _received.Format(ticks);

    public ReadOnlySpan<byte> Source(long ticks) => _source.Format(ticks);

    /// <summary><c>","rack":"r1","stack":"web","instance":"web-1","stream":"stdout","message":"</c> for the record's source.</summary>
    public ReadOnlySpan<byte> Names(in LogRecordView record)
    {
        var key = record.Strings[..(record.Rack.Length + record.Source.Length + record.Instance.Length)];
        if (_names.WrittenCount == 0 || record.Kind != _namesKind || record.Stream != _namesStream || !key.SequenceEqual(_namesKey))
        {
            _names.ResetWrittenCount();
            LogNdjsonLine.WriteNames(_names, record);
            _namesKey = key.ToArray();
            _namesKind = record.Kind;
            _namesStream = record.Stream;
        }

        return _names.WrittenSpan;
    }

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
